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
 * results.  The reader builds a tree (results files are read rarely, to
 * rerun failed items) but only after pv_xml_read has refused anything
 * hostile. */

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

static void
set_structure_error (GError     **error,
                     const char  *name,
                     xmlNode     *node,
                     const char  *what)
{
  g_set_error (error, PV_XML_ERROR, PV_XML_ERROR_STRUCTURE,
               /* Translators: %s is a file name, %ld a line number, the last %s what is wrong. */
               _("%s, line %ld: %s"), name, node != NULL ? xmlGetLineNo (node) : 1L, what);
}

static gboolean
read_settings (xmlNode     *settings,
               const char  *name,
               PvRunInfo   *info,
               GError     **error)
{
  for (xmlNode *child = pv_xml_first_child (settings, NS, NULL); child != NULL;
       child = pv_xml_next_sibling (child->next, NS, NULL))
    {
      const char *tag = (const char *) child->name;
      g_autofree char *text = pv_xml_dup_text (child);

      if (g_str_equal (tag, "pool"))
        pv_run_info_set_pool (info, text);
      else if (g_str_equal (tag, "sipFormat"))
        {
          int format;

          if (!pv_enum_from_nick (PV_TYPE_SIP_FORMAT, text, &format))
            {
              g_autofree char *what =
                /* Translators: %s is what the file holds. */
                g_strdup_printf (_("unknown SIP address format “%s”."), text);
              set_structure_error (error, name, child, what);
              return FALSE;
            }
          pv_run_info_set_sip_format (info, format);
        }
      else if (g_str_equal (tag, "sipDomain"))
        pv_run_info_set_sip_domain (info, text);
      else if (g_str_equal (tag, "voiceRoutingPolicy"))
        pv_run_info_set_voice_routing_policy (info, text);
      else if (g_str_equal (tag, "operator"))
        {
          g_autofree char *id = pv_xml_dup_attribute (child, "id");
          pv_run_info_set_operator (info, id != NULL ? id : "", text);
        }
      else if (g_str_equal (tag, "countries"))
        {
          g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);

          for (xmlNode *c = pv_xml_first_child (child, NS, "country"); c != NULL;
               c = pv_xml_next_sibling (c->next, NS, "country"))
            g_ptr_array_add (codes, pv_xml_dup_text (c));
          g_ptr_array_add (codes, NULL);
          pv_run_info_set_countries (info, (const char * const *) codes->pdata);
        }
      else if (g_str_equal (tag, "contact"))
        {
          g_autoptr(PvContactDetails) contact = pv_contact_details_new ();

          for (xmlNode *c = pv_xml_first_child (child, NS, NULL); c != NULL;
               c = pv_xml_next_sibling (c->next, NS, NULL))
            {
              g_autofree char *value = pv_xml_dup_text (c);

              if (g_str_equal ((const char *) c->name, "fullName"))
                pv_contact_details_set_full_name (contact, value);
              else if (g_str_equal ((const char *) c->name, "email"))
                pv_contact_details_set_email (contact, value);
              else if (g_str_equal ((const char *) c->name, "phone"))
                pv_contact_details_set_phone (contact, value);
              else if (g_str_equal ((const char *) c->name, "companySize"))
                {
                  gint64 size = 0;

                  if (!g_ascii_string_to_signed (value, 10, 0, G_MAXINT, &size, NULL))
                    {
                      g_autofree char *what =
                        /* Translators: %s is what the file holds. */
                        g_strdup_printf (_("the company size “%s” is not a number."), value);
                      set_structure_error (error, name, c, what);
                      return FALSE;
                    }
                  pv_contact_details_set_company_size (contact, (int) size);
                }
            }
          pv_run_info_set_contact (info, contact);
        }
      else if (g_str_equal (tag, "consent"))
        pv_run_info_set_consent (info, g_str_equal (text, "true") || g_str_equal (text, "1"));
    }
  return TRUE;
}

static PvOperationResult *
read_item (xmlNode     *node,
           const char  *name,
           GError     **error)
{
  g_autoptr(PvOperationResult) result = pv_operation_result_new ();
  g_autofree char *id = pv_xml_dup_attribute (node, "id");
  g_autofree char *status_nick = pv_xml_dup_attribute (node, "status");
  int status;

  if (id == NULL)
    {
      set_structure_error (error, name, node, _("an item has no id attribute."));
      return NULL;
    }
  if (!pv_enum_from_nick (PV_TYPE_RESULT_STATUS, status_nick, &status))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds; keep the four English words as they are. */
        g_strdup_printf (_("unknown item status “%s”; expected done, alreadyDone, skipped or "
                           "failed."), status_nick != NULL ? status_nick : "");
      set_structure_error (error, name, node, what);
      return NULL;
    }

  pv_operation_result_set_item (result, id);
  pv_operation_result_set_status (result, status);
  for (xmlNode *c = pv_xml_first_child (node, NS, NULL); c != NULL;
       c = pv_xml_next_sibling (c->next, NS, NULL))
    {
      g_autofree char *text = pv_xml_dup_text (c);

      if (g_str_equal ((const char *) c->name, "message"))
        pv_operation_result_set_message (result, text);
      else if (g_str_equal ((const char *) c->name, "before"))
        pv_operation_result_set_before (result, text);
      else if (g_str_equal ((const char *) c->name, "after"))
        pv_operation_result_set_after (result, text);
    }
  return g_steal_pointer (&result);
}

/**
 * pv_results_xml_read:
 * @data: a results document
 * @name: its file name, for error messages
 * @info: (out) (transfer full): the run and its settings
 * @results: (out) (transfer full): a model of #PvOperationResult
 *
 * Reads back what pv_results_xml_write() wrote, for a rerun of the failed
 * items.  Hostile input is refused by pv_xml_read().
 */
gboolean
pv_results_xml_read (GBytes      *data,
                     const char  *name,
                     PvRunInfo  **info,
                     GListModel **results,
                     GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(PvRunInfo) run_info = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autofree char *version = NULL;
  g_autofree char *flow_nick = NULL;
  g_autofree char *started = NULL;
  xmlNode *root;
  xmlNode *run;
  xmlNode *settings;
  xmlNode *items;
  int flow;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  doc = pv_xml_read (data, name, PV_RESULTS_XML_MAX_SIZE, NS, "results", error);
  if (doc == NULL)
    return FALSE;

  root = xmlDocGetRootElement (doc);
  version = pv_xml_dup_attribute (root, "version");
  if (g_strcmp0 (version, PV_RESULTS_XML_VERSION) != 0)
    {
      g_autofree char *what =
        /* Translators: %s is a version number. */
        g_strdup_printf (_("the results are in version “%s” of the format, which this version of "
                           "Provisio does not read."), version != NULL ? version : "");
      set_structure_error (error, name, root, what);
      return FALSE;
    }

  run = pv_xml_first_child (root, NS, "run");
  settings = pv_xml_first_child (root, NS, "settings");
  items = pv_xml_first_child (root, NS, "items");
  if (run == NULL || settings == NULL || items == NULL)
    {
      set_structure_error (error, name, root,
                           _("the run, settings or items element is missing; the file is "
                             "incomplete."));
      return FALSE;
    }

  flow_nick = pv_xml_dup_attribute (run, "flow");
  if (!pv_enum_from_nick (PV_TYPE_FLOW, flow_nick, &flow))
    {
      g_autofree char *what =
        /* Translators: %s is what the file holds. */
        g_strdup_printf (_("unknown flow “%s”."), flow_nick != NULL ? flow_nick : "");
      set_structure_error (error, name, run, what);
      return FALSE;
    }
  run_info = pv_run_info_new (flow);

  started = pv_xml_dup_attribute (run, "started");
  {
    g_autoptr(GDateTime) when = started != NULL ? g_date_time_new_from_iso8601 (started, NULL)
                                                : NULL;
    if (when == NULL)
      {
        g_autofree char *what =
          /* Translators: %s is what the file holds. */
          g_strdup_printf (_("the start time “%s” is not a date and time."),
                           started != NULL ? started : "");
        set_structure_error (error, name, run, what);
        return FALSE;
      }
    pv_run_info_set_started (run_info, when);
  }

  for (xmlNode *c = pv_xml_first_child (run, NS, NULL); c != NULL;
       c = pv_xml_next_sibling (c->next, NS, NULL))
    {
      g_autofree char *text = pv_xml_dup_text (c);

      if (g_str_equal ((const char *) c->name, "tenant"))
        pv_run_info_set_tenant (run_info, text);
      else if (g_str_equal ((const char *) c->name, "service"))
        pv_run_info_set_service (run_info, text);
    }

  if (!read_settings (settings, name, run_info, error))
    return FALSE;

  store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  for (xmlNode *c = pv_xml_first_child (items, NS, "item"); c != NULL;
       c = pv_xml_next_sibling (c->next, NS, "item"))
    {
      g_autoptr(PvOperationResult) result = read_item (c, name, error);

      if (result == NULL)
        return FALSE;
      g_list_store_append (store, result);
    }

  if (info != NULL)
    *info = g_steal_pointer (&run_info);
  if (results != NULL)
    *results = G_LIST_MODEL (g_steal_pointer (&store));
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
