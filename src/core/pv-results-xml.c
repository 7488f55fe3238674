/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "pv-operation-result.h"
#include "pv-results-xml.h"
#include "pv-xml.h"

/* The results format of docs/results-xml.md and
 * data/provisio-results-1.xsd.  The writer streams: it asks the model for
 * one result at a time and libxml2's writer flushes its small buffer to
 * the stream as it goes, so memory does not grow with the number of
 * results.  The reader follows the parser element by element
 * (pv_xml_parse, which refuses anything hostile first) and keeps only the
 * results it builds. */

#define NS PV_RESULTS_XML_NAMESPACE

typedef struct
{
  xmlTextWriter *writer;
  GOutputStream *stream;
  GCancellable *cancellable;
  GError *error;
  gboolean failed;
} Writer;

static int
on_write (void       *context,
          const char *buffer,
          int         len)
{
  Writer *w = context;

  if (w->error != NULL)
    return -1;
  if (!g_output_stream_write_all (w->stream, buffer, len, NULL, w->cancellable, &w->error))
    return -1;
  return len;
}

static int
on_close (void *context)
{
  return 0;
}

static void
check (Writer *w,
       int     rc)
{
  if (rc < 0)
    w->failed = TRUE;
}

static void
start (Writer     *w,
       const char *name)
{
  if (!w->failed)
    check (w, xmlTextWriterStartElement (w->writer, (const xmlChar *) name));
}

static void
end (Writer *w)
{
  if (!w->failed)
    check (w, xmlTextWriterEndElement (w->writer));
}

static void
attribute (Writer     *w,
           const char *name,
           const char *value)
{
  g_autofree char *clean = pv_xml_sanitize (value);

  if (!w->failed && clean != NULL)
    check (w, xmlTextWriterWriteAttribute (w->writer, (const xmlChar *) name,
                                           (const xmlChar *) clean));
}

/* A %NULL value writes nothing, so that “no value” and “empty value”
 * survive a round trip as different things. */
static void
element (Writer     *w,
         const char *name,
         const char *value)
{
  g_autofree char *clean = pv_xml_sanitize (value);

  if (!w->failed && clean != NULL)
    check (w, xmlTextWriterWriteElement (w->writer, (const xmlChar *) name,
                                         (const xmlChar *) clean));
}

static void
write_settings (Writer    *w,
                PvRunInfo *info)
{
  const char * const *countries = pv_run_info_get_countries (info);
  PvContactDetails *contact = pv_run_info_get_contact (info);
  PvFlow flow = pv_run_info_get_flow (info);

  start (w, "settings");
  element (w, "pool", pv_run_info_get_pool (info));
  if (flow == PV_FLOW_ENABLE_USERS)
    element (w, "sipFormat", pv_enum_to_nick (PV_TYPE_SIP_FORMAT,
                                              pv_run_info_get_sip_format (info)));
  element (w, "sipDomain", pv_run_info_get_sip_domain (info));
  element (w, "voiceRoutingPolicy", pv_run_info_get_voice_routing_policy (info));
  if (pv_run_info_get_operator_id (info) != NULL)
    {
      start (w, "operator");
      attribute (w, "id", pv_run_info_get_operator_id (info));
      if (!w->failed && pv_run_info_get_operator_name (info) != NULL)
        {
          g_autofree char *clean = pv_xml_sanitize (pv_run_info_get_operator_name (info));
          check (w, xmlTextWriterWriteString (w->writer, (const xmlChar *) clean));
        }
      end (w);
    }
  if (countries[0] != NULL)
    {
      start (w, "countries");
      for (guint i = 0; countries[i] != NULL; i++)
        element (w, "country", countries[i]);
      end (w);
    }
  if (contact != NULL)
    {
      g_autofree char *size = g_strdup_printf ("%d", pv_contact_details_get_company_size (contact));

      start (w, "contact");
      element (w, "fullName", pv_contact_details_get_full_name (contact));
      element (w, "email", pv_contact_details_get_email (contact));
      element (w, "companySize", size);
      element (w, "phone", pv_contact_details_get_phone (contact));
      end (w);
    }
  if (flow == PV_FLOW_CONNECT_OPERATOR)
    element (w, "consent", pv_run_info_get_consent (info) ? "true" : "false");
  end (w);
}

static gboolean
took_effect (PvResultStatus status)
{
  return status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE;
}

/* An item of several steps (a person in a guided move): each step that
 * ran, and how many took effect of how many there are. */
static void
write_steps (Writer            *w,
             PvOperationResult *result)
{
  guint n = pv_operation_result_get_n_steps (result);
  guint total = MAX (pv_operation_result_get_n_planned_steps (result), n);
  guint done = 0;
  g_autofree char *done_text = NULL;
  g_autofree char *total_text = NULL;

  if (total == 0)
    return;

  for (guint i = 0; i < n; i++)
    done += took_effect (pv_operation_result_get_status (pv_operation_result_get_step (result, i)));
  done_text = g_strdup_printf ("%u", done);
  total_text = g_strdup_printf ("%u", total);

  start (w, "steps");
  attribute (w, "done", done_text);
  attribute (w, "total", total_text);
  for (guint i = 0; i < n; i++)
    {
      PvOperationResult *step = pv_operation_result_get_step (result, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      start (w, "step");
      attribute (w, "number", number);
      attribute (w, "name", pv_operation_result_get_item (step) != NULL ? pv_operation_result_get_item (step) : "");
      attribute (w, "status", pv_enum_to_nick (PV_TYPE_RESULT_STATUS, pv_operation_result_get_status (step)));
      element (w, "message", pv_operation_result_get_message (step));
      end (w);
    }
  end (w);
}

/**
 * pv_results_xml_write:
 * @stream: where the document goes; not closed
 * @info: the run
 * @results: a model of #PvOperationResult, read one item at a time
 * @cancellable: (nullable): checked between items
 *
 * Writes the results document.  On error the stream holds part of a
 * document: write to a temporary file and rename it on success (see
 * pv_export_to_file()).
 */
gboolean
pv_results_xml_write (GOutputStream  *stream,
                      PvRunInfo      *info,
                      GListModel     *results,
                      GCancellable   *cancellable,
                      GError        **error)
{
  Writer w = { 0 };
  xmlOutputBuffer *buffer;
  g_autofree char *started = NULL;
  guint counts[PV_RESULT_STATUS_FAILED + 1] = { 0 };
  guint n;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (PV_IS_RUN_INFO (info), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (results), FALSE);

  w.stream = stream;
  w.cancellable = cancellable;
  buffer = xmlOutputBufferCreateIO (on_write, on_close, &w, NULL);
  w.writer = xmlNewTextWriter (buffer);
  if (w.writer == NULL)
    g_error ("libxml2 could not allocate a writer");

  check (&w, xmlTextWriterSetIndent (w.writer, 1));
  check (&w, xmlTextWriterSetIndentString (w.writer, (const xmlChar *) "  "));
  check (&w, xmlTextWriterStartDocument (w.writer, "1.0", "UTF-8", NULL));
  if (!w.failed)
    check (&w, xmlTextWriterStartElementNS (w.writer, NULL, (const xmlChar *) "results",
                                            (const xmlChar *) NS));
  attribute (&w, "version", PV_RESULTS_XML_VERSION);

  started = g_date_time_format_iso8601 (pv_run_info_get_started (info));
  start (&w, "run");
  attribute (&w, "flow", pv_enum_to_nick (PV_TYPE_FLOW, pv_run_info_get_flow (info)));
  attribute (&w, "started", started);
  element (&w, "tenant", pv_run_info_get_tenant (info));
  element (&w, "service", pv_run_info_get_service (info));
  end (&w);

  write_settings (&w, info);

  start (&w, "items");
  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n && !w.failed; i++)
    {
      g_autoptr(PvOperationResult) result = g_list_model_get_item (results, i);
      PvResultStatus status;

      if (g_cancellable_set_error_if_cancelled (cancellable, &w.error))
        {
          w.failed = TRUE;
          break;
        }
      if (result == NULL)
        break;

      status = pv_operation_result_get_status (result);
      if ((guint) status < G_N_ELEMENTS (counts))
        counts[status]++;

      start (&w, "item");
      attribute (&w, "id", pv_operation_result_get_item (result) != NULL
                            ? pv_operation_result_get_item (result) : "");
      attribute (&w, "status", pv_enum_to_nick (PV_TYPE_RESULT_STATUS, status));
      element (&w, "message", pv_operation_result_get_message (result));
      element (&w, "before", pv_operation_result_get_before (result));
      element (&w, "after", pv_operation_result_get_after (result));
      write_steps (&w, result);
      end (&w);
    }
  end (&w);

  if (!w.failed)
    {
      start (&w, "summary");
      for (guint s = 0; s < G_N_ELEMENTS (counts); s++)
        {
          g_autofree char *count = g_strdup_printf ("%u", counts[s]);
          attribute (&w, pv_enum_to_nick (PV_TYPE_RESULT_STATUS, s), count);
        }
      end (&w);
    }

  if (!w.failed)
    check (&w, xmlTextWriterEndDocument (w.writer));
  if (!w.failed)
    check (&w, xmlTextWriterFlush (w.writer));
  xmlFreeTextWriter (w.writer);

  if (w.error != NULL)
    {
      g_propagate_error (error, w.error);
      return FALSE;
    }
  if (w.failed)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The results could not be written as XML."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
structure_error (GError     **error,
                 const char  *name,
                 int          line,
                 const char  *what)
{
  g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_STRUCTURE,
               /* Translators: %s is a file name, %d a line number, the last %s what is wrong. */
               _("%s, line %d: %s"), name, MAX (line, 1), what);
  return FALSE;
}

/* The reader follows the parser element by element (pv_xml_parse), so
 * that reading back 100 000 results holds the results and not also a
 * tree of the whole file. */
typedef struct
{
  const char *name;
  GPtrArray *stack;
  guint skip;
  gboolean seen_run;
  gboolean seen_settings;
  gboolean seen_items;
  PvRunInfo *info;
  PvContactDetails *contact;
  GPtrArray *countries;
  char *operator_id;
  PvOperationResult *item;
  PvOperationResult *step;
  GPtrArray *results;
} Reader;

static void
reader_clear (Reader *reader)
{
  g_clear_pointer (&reader->stack, g_ptr_array_unref);
  g_clear_object (&reader->info);
  g_clear_object (&reader->contact);
  g_clear_pointer (&reader->countries, g_ptr_array_unref);
  g_clear_pointer (&reader->operator_id, g_free);
  g_clear_object (&reader->item);
  g_clear_object (&reader->step);
  g_clear_pointer (&reader->results, g_ptr_array_unref);
}

static const char *
attribute_of (const char * const *attributes,
              const char         *name)
{
  for (guint i = 0; attributes[i] != NULL; i += 2)
    if (g_str_equal (attributes[i], name))
      return attributes[i + 1];
  return NULL;
}

static const char *
parent_of (Reader *reader)
{
  return reader->stack->len > 0 ? g_ptr_array_index (reader->stack, reader->stack->len - 1)
                                : "";
}

static gboolean
start_run (Reader              *reader,
           const char * const  *attributes,
           int                  line,
           GError             **error)
{
  const char *flow_nick = attribute_of (attributes, "flow");
  const char *started = attribute_of (attributes, "started");
  g_autoptr(GDateTime) when = NULL;
  int flow;

  if (!pv_enum_from_nick (PV_TYPE_FLOW, flow_nick, &flow))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds. */
        g_strdup_printf (_("unknown flow “%s”."), flow_nick != NULL ? flow_nick : "");
      return structure_error (error, reader->name, line, what);
    }
  when = started != NULL ? g_date_time_new_from_iso8601 (started, NULL) : NULL;
  if (when == NULL)
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds. */
        g_strdup_printf (_("the start time “%s” is not a date and time."),
                         started != NULL ? started : "");
      return structure_error (error, reader->name, line, what);
    }

  g_clear_object (&reader->info);
  reader->info = pv_run_info_new (flow);
  pv_run_info_set_started (reader->info, when);
  reader->seen_run = TRUE;
  return TRUE;
}

static gboolean
start_item (Reader              *reader,
            const char * const  *attributes,
            int                  line,
            GError             **error)
{
  const char *id = attribute_of (attributes, "id");
  const char *status_nick = attribute_of (attributes, "status");
  int status;

  if (id == NULL)
    return structure_error (error, reader->name, line, _("an item has no id attribute."));
  if (!pv_enum_from_nick (PV_TYPE_RESULT_STATUS, status_nick, &status))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds; keep the four English words as they are. */
        g_strdup_printf (_("unknown item status “%s”; expected done, alreadyDone, skipped or "
                           "failed."), status_nick != NULL ? status_nick : "");
      return structure_error (error, reader->name, line, what);
    }

  g_clear_object (&reader->item);
  reader->item = pv_operation_result_new ();
  pv_operation_result_set_item (reader->item, id);
  pv_operation_result_set_status (reader->item, status);
  return TRUE;
}

static gboolean
start_steps (Reader              *reader,
             const char * const  *attributes,
             int                  line,
             GError             **error)
{
  const char *total = attribute_of (attributes, "total");
  guint64 n = 0;

  if (total == NULL || !g_ascii_string_to_unsigned (total, 10, 1, 1000, &n, NULL))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds. */
        g_strdup_printf (_("the number of steps “%s” is not a number from 1 to 1000."),
                         total != NULL ? total : "");
      return structure_error (error, reader->name, line, what);
    }
  pv_operation_result_set_n_planned_steps (reader->item, (guint) n);
  return TRUE;
}

static gboolean
start_step (Reader              *reader,
            const char * const  *attributes,
            int                  line,
            GError             **error)
{
  const char *name = attribute_of (attributes, "name");
  const char *status_nick = attribute_of (attributes, "status");
  int status;

  if (name == NULL)
    return structure_error (error, reader->name, line, _("a step has no name attribute."));
  if (!pv_enum_from_nick (PV_TYPE_RESULT_STATUS, status_nick, &status))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds; keep the four English words as they are. */
        g_strdup_printf (_("unknown step status “%s”; expected done, alreadyDone, skipped or "
                           "failed."), status_nick != NULL ? status_nick : "");
      return structure_error (error, reader->name, line, what);
    }

  g_clear_object (&reader->step);
  reader->step = pv_operation_result_new ();
  pv_operation_result_set_item (reader->step, name);
  pv_operation_result_set_status (reader->step, status);
  return TRUE;
}

static gboolean
on_start (gpointer             user_data,
          const char          *ns_uri,
          const char          *name,
          const char * const  *attributes,
          int                  line,
          GError             **error)
{
  Reader *reader = user_data;
  const char *parent = parent_of (reader);
  guint depth = reader->stack->len;

  /* Elements of other namespaces, and everything in them, are ignored:
   * room for extensions. */
  if (reader->skip > 0 || g_strcmp0 (ns_uri, NS) != 0)
    {
      reader->skip++;
      return TRUE;
    }
  g_ptr_array_add (reader->stack, g_strdup (name));

  if (depth == 0)
    {
      const char *version = attribute_of (attributes, "version");

      if (g_strcmp0 (version, PV_RESULTS_XML_VERSION) != 0)
        {
          g_autofree char *what =
            /* Translators: %s is a version number. */
            g_strdup_printf (_("the results are in version “%s” of the format, which this "
                               "version of Provisio does not read."),
                             version != NULL ? version : "");
          return structure_error (error, reader->name, line, what);
        }
      return TRUE;
    }

  if (depth == 1 && g_str_equal (name, "run"))
    return start_run (reader, attributes, line, error);

  /* The XSD puts run first: the settings and items need its flow. */
  if (depth == 1 && (g_str_equal (name, "settings") || g_str_equal (name, "items")) &&
      reader->info == NULL)
    return structure_error (error, reader->name, line,
                            _("the run, settings or items element is missing; the file is "
                              "incomplete."));
  if (depth == 1 && g_str_equal (name, "settings"))
    reader->seen_settings = TRUE;
  else if (depth == 1 && g_str_equal (name, "items"))
    reader->seen_items = TRUE;
  else if (g_str_equal (parent, "items") && g_str_equal (name, "item"))
    return start_item (reader, attributes, line, error);
  else if (g_str_equal (parent, "item") && g_str_equal (name, "steps") && reader->item != NULL)
    return start_steps (reader, attributes, line, error);
  else if (g_str_equal (parent, "steps") && g_str_equal (name, "step") && reader->item != NULL)
    return start_step (reader, attributes, line, error);
  else if (g_str_equal (parent, "settings") && g_str_equal (name, "operator"))
    {
      g_free (reader->operator_id);
      reader->operator_id = g_strdup (attribute_of (attributes, "id"));
    }
  else if (g_str_equal (parent, "settings") && g_str_equal (name, "countries"))
    {
      g_clear_pointer (&reader->countries, g_ptr_array_unref);
      reader->countries = g_ptr_array_new_with_free_func (g_free);
    }
  else if (g_str_equal (parent, "settings") && g_str_equal (name, "contact"))
    {
      g_clear_object (&reader->contact);
      reader->contact = pv_contact_details_new ();
    }
  return TRUE;
}

static gboolean
end_setting (Reader      *reader,
             const char  *name,
             const char  *text,
             int          line,
             GError     **error)
{
  PvRunInfo *info = reader->info;

  if (g_str_equal (name, "pool"))
    pv_run_info_set_pool (info, text);
  else if (g_str_equal (name, "sipFormat"))
    {
      int format;

      if (!pv_enum_from_nick (PV_TYPE_SIP_FORMAT, text, &format))
        {
          g_autofree char *what =
            /* Translators: %s is what the file holds. */
            g_strdup_printf (_("unknown SIP address format “%s”."), text);
          return structure_error (error, reader->name, line, what);
        }
      pv_run_info_set_sip_format (info, format);
    }
  else if (g_str_equal (name, "sipDomain"))
    pv_run_info_set_sip_domain (info, text);
  else if (g_str_equal (name, "voiceRoutingPolicy"))
    pv_run_info_set_voice_routing_policy (info, text);
  else if (g_str_equal (name, "operator"))
    pv_run_info_set_operator (info, reader->operator_id != NULL ? reader->operator_id : "", text);
  else if (g_str_equal (name, "countries") && reader->countries != NULL)
    {
      g_ptr_array_add (reader->countries, NULL);
      pv_run_info_set_countries (info, (const char * const *) reader->countries->pdata);
      g_clear_pointer (&reader->countries, g_ptr_array_unref);
    }
  else if (g_str_equal (name, "contact") && reader->contact != NULL)
    {
      pv_run_info_set_contact (info, reader->contact);
      g_clear_object (&reader->contact);
    }
  else if (g_str_equal (name, "consent"))
    pv_run_info_set_consent (info, g_str_equal (text, "true") || g_str_equal (text, "1"));
  return TRUE;
}

static gboolean
end_contact (Reader      *reader,
             const char  *name,
             const char  *text,
             int          line,
             GError     **error)
{
  PvContactDetails *contact = reader->contact;

  if (g_str_equal (name, "fullName"))
    pv_contact_details_set_full_name (contact, text);
  else if (g_str_equal (name, "email"))
    pv_contact_details_set_email (contact, text);
  else if (g_str_equal (name, "phone"))
    pv_contact_details_set_phone (contact, text);
  else if (g_str_equal (name, "companySize"))
    {
      gint64 size = 0;

      if (!g_ascii_string_to_signed (text, 10, 0, G_MAXINT, &size, NULL))
        {
          g_autofree char *what =
            /* Translators: %s is what the file holds. */
            g_strdup_printf (_("the company size “%s” is not a number."), text);
          return structure_error (error, reader->name, line, what);
        }
      pv_contact_details_set_company_size (contact, (int) size);
    }
  return TRUE;
}

static gboolean
on_end (gpointer      user_data,
        const char   *ns_uri,
        const char   *name,
        const char   *text,
        int           line,
        GError      **error)
{
  Reader *reader = user_data;
  g_autofree char *element = NULL;
  const char *parent;

  if (reader->skip > 0)
    {
      reader->skip--;
      return TRUE;
    }
  element = g_ptr_array_steal_index (reader->stack, reader->stack->len - 1);
  parent = parent_of (reader);

  if (reader->stack->len == 0)
    {
      if (!reader->seen_run || !reader->seen_settings || !reader->seen_items)
        return structure_error (error, reader->name, line,
                                _("the run, settings or items element is missing; the file is "
                                  "incomplete."));
      return TRUE;
    }

  if (g_str_equal (parent, "run"))
    {
      if (g_str_equal (name, "tenant"))
        pv_run_info_set_tenant (reader->info, text);
      else if (g_str_equal (name, "service"))
        pv_run_info_set_service (reader->info, text);
    }
  else if (g_str_equal (parent, "settings"))
    return end_setting (reader, name, text, line, error);
  else if (g_str_equal (parent, "countries") && g_str_equal (name, "country") &&
           reader->countries != NULL)
    g_ptr_array_add (reader->countries, g_strdup (text));
  else if (g_str_equal (parent, "contact") && reader->contact != NULL)
    return end_contact (reader, name, text, line, error);
  else if (g_str_equal (parent, "items") && g_str_equal (name, "item") && reader->item != NULL)
    g_ptr_array_add (reader->results, g_steal_pointer (&reader->item));
  else if (g_str_equal (parent, "steps") && g_str_equal (name, "step") && reader->step != NULL &&
           reader->item != NULL)
    {
      pv_operation_result_add_step (reader->item, reader->step);
      g_clear_object (&reader->step);
    }
  else if (g_str_equal (parent, "step") && g_str_equal (name, "message") && reader->step != NULL)
    pv_operation_result_set_message (reader->step, text);
  else if (g_str_equal (parent, "item") && reader->item != NULL)
    {
      if (g_str_equal (name, "message"))
        pv_operation_result_set_message (reader->item, text);
      else if (g_str_equal (name, "before"))
        pv_operation_result_set_before (reader->item, text);
      else if (g_str_equal (name, "after"))
        pv_operation_result_set_after (reader->item, text);
    }
  return TRUE;
}

/**
 * pv_results_xml_read:
 * @data: a results document
 * @name: its file name, for error messages
 * @info: (out) (transfer full) (optional): the run and its settings
 * @results: (out) (transfer full) (optional): a model of #PvOperationResult
 *
 * Reads back what pv_results_xml_write() wrote, for a rerun of the failed
 * items.  Hostile input is refused by pv_xml_parse(); elements of other
 * namespaces are skipped.
 */
gboolean
pv_results_xml_read (GBytes      *data,
                     const char  *name,
                     PvRunInfo  **info,
                     GListModel **results,
                     GError     **error)
{
  static const PvXmlHandlers handlers = { on_start, on_end };
  Reader reader = { 0 };
  GListStore *store;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  reader.name = name;
  reader.stack = g_ptr_array_new_with_free_func (g_free);
  reader.results = g_ptr_array_new_with_free_func (g_object_unref);

  if (!pv_xml_parse (data, name, PV_RESULTS_XML_MAX_SIZE, NS, "results", &handlers, &reader,
                     error))
    {
      reader_clear (&reader);
      return FALSE;
    }

  store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_list_store_splice (store, 0, 0, reader.results->pdata, reader.results->len);
  if (info != NULL)
    *info = g_steal_pointer (&reader.info);
  if (results != NULL)
    *results = G_LIST_MODEL (store);
  else
    g_object_unref (store);
  reader_clear (&reader);
  return TRUE;
}

gboolean
pv_results_xml_load (GFile         *file,
                     PvRunInfo    **info,
                     GListModel   **results,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = pv_xml_load_file (file, PV_RESULTS_XML_MAX_SIZE, cancellable, error);
  if (data == NULL)
    return FALSE;
  name = g_file_get_parse_name (file);
  return pv_results_xml_read (data, name, info, results, error);
}

typedef struct
{
  PvRunInfo *info;
  GListModel *results;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->info);
  g_clear_object (&data->results);
  g_free (data);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *file = task_data;
  LoadData *data = g_new0 (LoadData, 1);
  GError *error = NULL;

  if (!pv_results_xml_load (file, &data->info, &data->results, cancellable, &error))
    {
      load_data_free (data);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, data, (GDestroyNotify) load_data_free);
}

/**
 * pv_results_xml_load_async:
 *
 * Reads and parses @file in a worker thread, so that the window never
 * waits on the disk.
 */
void
pv_results_xml_load_async (GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_results_xml_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

gboolean
pv_results_xml_load_finish (GAsyncResult  *result,
                            PvRunInfo    **info,
                            GListModel   **results,
                            GError       **error)
{
  LoadData *data;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pv_results_xml_load_async,
                        FALSE);

  data = g_task_propagate_pointer (G_TASK (result), error);
  if (data == NULL)
    return FALSE;
  if (info != NULL)
    *info = g_steal_pointer (&data->info);
  if (results != NULL)
    *results = g_steal_pointer (&data->results);
  load_data_free (data);
  return TRUE;
}
