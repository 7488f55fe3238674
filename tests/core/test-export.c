/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pv-csv.h"
#include "pv-export.h"
#include "pv-operation-result.h"
#include "pv-powershell.h"
#include "pv-results-csv.h"
#include "pv-results-xml.h"

/* PowerShell and CSV exports, and writing any export to a file: values
 * come out inert, and a failed export leaves no half file. */

/* A model that cancels a cancellable when asked for a given item, to
 * fail an export halfway through. */
#define TEST_TYPE_TRAP_MODEL (test_trap_model_get_type ())
G_DECLARE_FINAL_TYPE (TestTrapModel, test_trap_model, TEST, TRAP_MODEL, GObject)

struct _TestTrapModel
{
  GObject parent_instance;
  guint n_items;
  guint trap;
  GCancellable *cancellable;
};

static GType
test_trap_model_get_item_type (GListModel *model)
{
  return PV_TYPE_OPERATION_RESULT;
}

static guint
test_trap_model_get_n_items (GListModel *model)
{
  return TEST_TRAP_MODEL (model)->n_items;
}

static gpointer
test_trap_model_get_item (GListModel *model,
                          guint       position)
{
  TestTrapModel *self = TEST_TRAP_MODEL (model);
  PvOperationResult *result;
  g_autofree char *id = NULL;

  if (position >= self->n_items)
    return NULL;
  if (position == self->trap)
    g_cancellable_cancel (self->cancellable);
  id = g_strdup_printf ("user%u", position);
  result = pv_operation_result_new ();
  pv_operation_result_set_item (result, id);
  pv_operation_result_set_after (result, "sip:someone@contoso.com");
  return result;
}

static void
test_trap_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = test_trap_model_get_item_type;
  iface->get_n_items = test_trap_model_get_n_items;
  iface->get_item = test_trap_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TestTrapModel, test_trap_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      test_trap_model_iface_init))

static void
test_trap_model_finalize (GObject *object)
{
  g_clear_object (&TEST_TRAP_MODEL (object)->cancellable);
  G_OBJECT_CLASS (test_trap_model_parent_class)->finalize (object);
}

static void
test_trap_model_class_init (TestTrapModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_trap_model_finalize;
}

static void
test_trap_model_init (TestTrapModel *self)
{
}

static TestTrapModel *
trap_model_new (guint         n_items,
                guint         trap,
                GCancellable *cancellable)
{
  TestTrapModel *self = g_object_new (TEST_TYPE_TRAP_MODEL, NULL);

  self->n_items = n_items;
  self->trap = trap;
  self->cancellable = g_object_ref (cancellable);
  return self;
}

static GListModel *
results_of (const char * const *items,
            PvResultStatus      status,
            const char * const *afters)
{
  GListStore *store = g_list_store_new (PV_TYPE_OPERATION_RESULT);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(PvOperationResult) r = pv_operation_result_new ();

      pv_operation_result_set_item (r, items[i]);
      pv_operation_result_set_status (r, status);
      pv_operation_result_set_after (r, afters != NULL ? afters[i] : NULL);
      g_list_store_append (store, r);
    }
  return G_LIST_MODEL (store);
}

static char *
export_text (PvExportFormat  format,
             PvExportFlags   flags,
             PvRunInfo      *info,
             GListModel     *results)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  char nul = '\0';

  g_assert_true (pv_export_to_stream (format, flags, info, results, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, &nul, 1, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
}

static gboolean
is_quote (gunichar c)
{
  return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201a || c == 0x201b;
}

/* Reads a command line the way PowerShell's tokenizer treats single-quoted
 * strings: each becomes “Q” in @shape and its value goes to @values.
 * Returns FALSE when a quote is left open. */
static gboolean
tokenize (const char  *line,
          GString     *shape,
          GPtrArray   *values)
{
  const char *p = line;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_quote (c))
        {
          g_string_append_unichar (shape, c);
          p = g_utf8_next_char (p);
          continue;
        }

      {
        GString *value = g_string_new (NULL);

        p = g_utf8_next_char (p);
        for (;;)
          {
            gunichar d;

            if (*p == '\0')
              {
                g_string_free (value, TRUE);
                return FALSE;
              }
            d = g_utf8_get_char (p);
            p = g_utf8_next_char (p);
            if (is_quote (d))
              {
                if (is_quote (g_utf8_get_char (p)) && *p != '\0')
                  {
                    g_string_append_unichar (value, g_utf8_get_char (p));
                    p = g_utf8_next_char (p);
                    continue;
                  }
                break;
              }
            g_string_append_unichar (value, d);
          }
        g_string_append_c (shape, 'Q');
        g_ptr_array_add (values, g_string_free (value, FALSE));
      }
    }
  return TRUE;
}

static const char * const hostile_names[] = {
  "O'Brien\"; Remove-CsUser *",
  "x'; Remove-CsUser -Identity * #",
  "multi\nline'\r\nRemove-CsUser *",
  "`$(Remove-CsUser *)` $env:USERNAME ${x}",
  "smart\u2018; Remove-CsUser *; \u2019\u201a\u201b end",
  "\u2019\u2019 doubled already",
  "trailing quote'",
  "",
  NULL
};

static void
test_powershell_quote (void)
{
  g_autofree char *a = pv_powershell_quote ("O'Brien\"; Remove-CsUser *");
  g_autofree char *b = pv_powershell_quote ("it\u2019s");
  g_autofree char *c = pv_powershell_quote (NULL);
  g_autofree char *d = pv_powershell_quote ("$(x) `n");

  g_assert_cmpstr (a, ==, "'O''Brien\"; Remove-CsUser *'");
  g_assert_cmpstr (b, ==, "'it\u2019\u2019s'");
  g_assert_cmpstr (c, ==, "''");
  g_assert_cmpstr (d, ==, "'$(x) `n'");
}

static void
test_powershell_enable_inert (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GListModel) results = NULL;
  g_autofree char *script = NULL;
  g_auto(GStrv) lines = NULL;
  guint commands = 0;
  const char *afters[G_N_ELEMENTS (hostile_names)];

  for (guint i = 0; hostile_names[i] != NULL; i++)
    afters[i] = i % 2 == 0 ? "sip:o'brien@contoso.com" : NULL;
  results = results_of (hostile_names, PV_RESULT_STATUS_FAILED, afters);
  pv_run_info_set_pool (info, "pool'01.contoso.com");
  pv_run_info_set_sip_format (info, PV_SIP_FORMAT_FIRST_LAST);
  pv_run_info_set_sip_domain (info, "contoso.com");
  pv_run_info_set_tenant (info, "evil\nRemove-CsUser *");

  script = export_text (PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FLAGS_NONE, info, results);
  g_assert_true (g_str_has_prefix (script, "\xef\xbb\xbf# "));
  g_assert_null (strstr (script, "-WhatIf"));

  /* Split on real line ends only: those inside quotes belong to values. */
  lines = g_strsplit (script + 3, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) shape = g_string_new (NULL);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      const char *line = lines[i];

      if (*line == '\0' || *line == '#')
        {
          /* A comment never holds a line break a value brought in. */
          g_assert_null (strchr (line, '\n'));
          g_assert_null (strchr (line, '\r'));
          continue;
        }

      /* A value's line breaks are inside its quotes: join until closed. */
      {
        g_autoptr(GString) joined = g_string_new (line);

        while (!tokenize (joined->str, shape, values))
          {
            g_assert_nonnull (lines[i + 1]);
            g_string_append (joined, "\r\n");
            g_string_append (joined, lines[++i]);
            g_string_truncate (shape, 0);
            g_ptr_array_set_size (values, 0);
          }
      }

      /* Outside the quotes, only the cmdlet and its parameters. */
      g_assert_cmpuint (values->len, ==, 3);
      if (commands % 2 == 0)
        {
          g_assert_cmpstr (shape->str, ==,
                           "Enable-CsUser -Identity Q -RegistrarPool Q -SipAddress Q");
          g_assert_cmpstr (g_ptr_array_index (values, 2), ==, "sip:o'brien@contoso.com");
        }
      else
        {
          g_assert_cmpstr (shape->str, ==,
                           "Enable-CsUser -Identity Q -RegistrarPool Q -SipAddressType "
                           "FirstLastName -SipDomain Q");
          g_assert_cmpstr (g_ptr_array_index (values, 2), ==, "contoso.com");
        }
      g_assert_cmpstr (g_ptr_array_index (values, 0), ==, hostile_names[commands]);
      g_assert_cmpstr (g_ptr_array_index (values, 1), ==, "pool'01.contoso.com");
      commands++;
    }
  g_assert_cmpuint (commands, ==, g_strv_length ((char **) hostile_names));
}

static void
test_powershell_what_if_and_statuses (void)
{
  static const char * const items[] = { "done@contoso.com", NULL };
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(GListModel) done = results_of (items, PV_RESULT_STATUS_DONE, NULL);
  g_autoptr(PvOperationResult) skipped = pv_operation_result_new ();
  g_autofree char *script = NULL;

  pv_run_info_set_pool (info, "se01.contoso.com");
  pv_run_info_set_sip_format (info, PV_SIP_FORMAT_EMAIL);
  pv_operation_result_set_item (skipped, "skipped\nRemove-CsUser *");
  pv_operation_result_set_status (skipped, PV_RESULT_STATUS_SKIPPED);
  {
    g_autoptr(GObject) first = g_list_model_get_item (done, 0);
    g_list_store_append (store, first);
  }
  g_list_store_append (store, skipped);

  script = export_text (PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FLAGS_WHAT_IF, info,
                        G_LIST_MODEL (store));
  g_assert_nonnull (strstr (script, "\r\nEnable-CsUser -Identity 'done@contoso.com' "
                                    "-RegistrarPool 'se01.contoso.com' "
                                    "-SipAddressType EmailAddress -WhatIf\r\n"));
  /* Email needs no -SipDomain; a skipped item is a comment on one line. */
  g_assert_null (strstr (script, "-SipDomain"));
  g_assert_nonnull (strstr (script, "\r\n# skipped Remove-CsUser *: Skipped\r\n"));
}

static void
test_powershell_hybrid (void)
{
  static const char * const items[] = { "anne@contoso.com", NULL };
  static const char * const afters[] = { "tel:+14255551297;ext=51297", NULL };
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_HYBRID_VOICE);
  g_autoptr(GListModel) results = results_of (items, PV_RESULT_STATUS_DONE, afters);
  g_autofree char *script = NULL;

  pv_run_info_set_voice_routing_policy (info, "EU 'International'");
  script = export_text (PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FLAGS_NONE, info, results);
  g_assert_nonnull (strstr (script, "\r\nSet-CsUser -Identity 'anne@contoso.com' "
                                    "-EnterpriseVoiceEnabled $true "
                                    "-LineURI 'tel:+14255551297;ext=51297'\r\n"
                                    "Grant-CsVoiceRoutingPolicy -Identity 'anne@contoso.com' "
                                    "-PolicyName 'EU ''International'''\r\n"
                                    "Move-CsUser -Identity 'anne@contoso.com' "
                                    "-Target 'sipfed.online.lync.com'\r\n"));
}

/* A move: each person's steps in order, those that ran and those left
 * where the person stopped; the operator's steps and those found done
 * are comments. */
static void
test_powershell_move (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_MOVE_CALLING_PLAN);
  g_autoptr(GListStore) results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(PvOperationResult) person = pv_operation_result_new ();
  g_autoptr(PvOperationResult) port = pv_operation_result_new ();
  g_autoptr(PvOperationResult) unassign = pv_operation_result_new ();
  g_autoptr(PvOperationResult) upload = pv_operation_result_new ();
  g_autofree char *script = NULL;

  pv_operation_result_set_item (person, "O'Brien@contoso.com");
  pv_operation_result_set_status (person, PV_RESULT_STATUS_SKIPPED);
  pv_operation_result_set_before (person, "+14255559998");
  pv_operation_result_set_after (person, "+33180000000");
  pv_operation_result_set_n_planned_steps (person, 4);
  pv_operation_result_set_item (port, "portNumber");
  pv_operation_result_set_status (port, PV_RESULT_STATUS_ALREADY_DONE);
  pv_operation_result_set_message (port, "Port complete.\nRemove-CsUser *");
  pv_operation_result_set_item (unassign, "unassignCallingPlanNumber");
  pv_operation_result_set_status (unassign, PV_RESULT_STATUS_DONE);
  pv_operation_result_set_item (upload, "numberUploaded");
  pv_operation_result_set_status (upload, PV_RESULT_STATUS_SKIPPED);
  pv_operation_result_set_message (upload, "Not in the tenant yet.");
  pv_operation_result_add_step (person, port);
  pv_operation_result_add_step (person, unassign);
  pv_operation_result_add_step (person, upload);
  g_list_store_append (results, person);

  script = export_text (PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FLAGS_WHAT_IF, info, G_LIST_MODEL (results));
  g_assert_nonnull (strstr (script, "\r\n# O'Brien@contoso.com: Skipped\r\n"
                                    "# Step 1, done by the operator: Port complete. Remove-CsUser *\r\n"
                                    "Remove-CsPhoneNumberAssignment -Identity 'O''Brien@contoso.com' "
                                    "-PhoneNumber '+14255559998' -PhoneNumberType CallingPlan -WhatIf\r\n"
                                    "# Step 3, done by the operator: Not in the tenant yet.\r\n"
                                    "Set-CsPhoneNumberAssignment -Identity 'O''Brien@contoso.com' "
                                    "-PhoneNumber '+33180000000' -PhoneNumberType OperatorConnect -WhatIf\r\n"));
}

static void
test_csv_export (void)
{
  static const char * const items[] = {
    "=HYPERLINK(\"http://evil\")", "+14255551297", "-2+3", "@SUM(A1)", "\tTAB", "\rCR",
    "0033123456789", "12345", "plain, \"quoted\"", NULL
  };
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GListModel) results = results_of (items, PV_RESULT_STATUS_FAILED, items);
  g_autofree char *plain = export_text (PV_EXPORT_FORMAT_CSV, PV_EXPORT_FLAGS_NONE, info,
                                        results);
  g_autofree char *bom = export_text (PV_EXPORT_FORMAT_CSV, PV_EXPORT_FLAGS_BOM, info, results);
  g_autoptr(GBytes) bytes = g_bytes_new (bom, strlen (bom));
  g_autoptr(PvCsvReader) reader = pv_csv_reader_new (bytes, "export.csv");
  static const char * const expected[] = {
    "'=HYPERLINK(\"http://evil\")", "'+14255551297", "'-2+3", "'@SUM(A1)", "'\tTAB", "'\rCR",
    "'0033123456789", "12345", "plain, \"quoted\"", NULL
  };
  static const char * const header[] = { "item", "status", "message", "before", "after", NULL };
  g_autoptr(GError) error = NULL;
  GStrv row = NULL;
  guint n = 0;

  g_assert_false (g_str_has_prefix (plain, "\xef\xbb\xbf"));
  g_assert_true (g_str_has_prefix (plain, "item,status,message,before,after\r\n"));
  g_assert_true (g_str_has_prefix (bom, "\xef\xbb\xbfitem,status"));

  /* What a spreadsheet would read back: every dangerous start defused. */
  g_assert_true (pv_csv_reader_read_header (reader, header, &error));
  g_assert_no_error (error);
  while (pv_csv_reader_read_row (reader, &row, &error))
    {
      g_assert_cmpstr (row[0], ==, expected[n]);
      g_assert_cmpstr (row[1], ==, "failed");
      g_assert_cmpstr (row[4], ==, expected[n]);
      g_strfreev (row);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) items));
}

static void
test_protect_number (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "14255551297", "'14255551297" },
    { "0612345678", "'0612345678" },
    { "+33 1 23 45 67 89", "'+33 1 23 45 67 89" },
    { "(425) 555-1297", "'(425) 555-1297" },
    { "123456", "123456" },
    { "tel:+14255551297", "tel:+14255551297" },
    { "sip:a@b.c", "sip:a@b.c" },
    { "", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = pv_results_csv_protect_number (cases[i].in);
      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("provisio-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_file_atomic (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "results.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);

  for (int format = PV_EXPORT_FORMAT_XML; format <= PV_EXPORT_FORMAT_CSV; format++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      g_autoptr(TestTrapModel) trap = trap_model_new (5000, 4000, cancellable);
      g_autoptr(GCancellable) never = g_cancellable_new ();
      g_autoptr(TestTrapModel) fine = trap_model_new (5000, G_MAXUINT, never);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      g_assert_true (g_file_set_contents (path, "the earlier export", -1, NULL));

      /* Cancelled after 4000 of 5000 items, well past the first flush. */
      g_assert_false (pv_export_to_file (format, PV_EXPORT_FLAGS_NONE, info,
                                         G_LIST_MODEL (trap), file, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
      g_assert_cmpstr (before, ==, "the earlier export");
      g_assert_cmpuint (count_entries (dir), ==, 1);

      g_assert_true (pv_export_to_file (format, PV_EXPORT_FLAGS_NONE, info,
                                        G_LIST_MODEL (fine), file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
      g_assert_nonnull (strstr (after, "user4999"));
      g_assert_cmpuint (count_entries (dir), ==, 1);
    }

  /* The XML file reads back whole. */
  {
    g_autoptr(GListModel) back = NULL;
    g_autoptr(GCancellable) never = g_cancellable_new ();
    g_autoptr(TestTrapModel) fine = trap_model_new (5000, G_MAXUINT, never);
    g_autoptr(GError) error = NULL;

    g_assert_true (pv_export_to_file (PV_EXPORT_FORMAT_XML, PV_EXPORT_FLAGS_NONE, info,
                                      G_LIST_MODEL (fine), file, NULL, &error));
    g_assert_true (pv_results_xml_load (file, NULL, &back, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (back), ==, 5000);
  }

  remove_dir (dir);
}

static void
test_file_unwritable (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent-provisio-dir/results.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (pv_export_to_file (PV_EXPORT_FORMAT_CSV, PV_EXPORT_FLAGS_NONE, info,
                                     G_LIST_MODEL (store), file, NULL, &error));
  g_assert_error (error, PV_EXPORT_ERROR, PV_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-provisio-dir/results.csv"));
  g_assert_false (g_file_query_exists (file, NULL));
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_file_async (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "results.ps1", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GCancellable) never = g_cancellable_new ();
  g_autoptr(TestTrapModel) fine = trap_model_new (100, G_MAXUINT, never);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  pv_export_to_file_async (PV_EXPORT_FORMAT_POWERSHELL, PV_EXPORT_FLAGS_WHAT_IF, info,
                           G_LIST_MODEL (fine), file, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (pv_export_to_file_finish (result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "'user99'"));
  g_assert_nonnull (strstr (contents, "-WhatIf"));
  remove_dir (dir);
}

/* The embedded sandbox's address changes at each start and means
 * nothing to a person: a run's facts name it instead. */
static void
test_run_info_service_label (void)
{
  const struct { const char *service; const char *label; } rows[] = {
    { "http://127.0.0.1:46497/", "the sandbox tenant on this computer (nothing real was changed)" },
    { "http://[::1]:8080/", "the sandbox tenant on this computer (nothing real was changed)" },
    { "http://localhost:1/", "the sandbox tenant on this computer (nothing real was changed)" },
    { "https://graph.microsoft.com/", "https://graph.microsoft.com/" },
    { "https://127.0.0.1.example.com/", "https://127.0.0.1.example.com/" },
    { "not a URL", "not a URL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
      g_autofree char *label = NULL;

      pv_run_info_set_service (info, rows[i].service);
      label = pv_run_info_dup_service_label (info);
      g_assert_cmpstr (label, ==, rows[i].label);
    }

  {
    g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);

    g_assert_null (pv_run_info_dup_service_label (info));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/run-info/service-label", test_run_info_service_label);
  g_test_add_func ("/export/powershell/quote", test_powershell_quote);
  g_test_add_func ("/export/powershell/enable-inert", test_powershell_enable_inert);
  g_test_add_func ("/export/powershell/what-if-and-statuses", test_powershell_what_if_and_statuses);
  g_test_add_func ("/export/powershell/hybrid", test_powershell_hybrid);
  g_test_add_func ("/export/powershell/move", test_powershell_move);
  g_test_add_func ("/export/csv/export", test_csv_export);
  g_test_add_func ("/export/csv/protect-number", test_protect_number);
  g_test_add_func ("/export/file/atomic", test_file_atomic);
  g_test_add_func ("/export/file/unwritable", test_file_unwritable);
  g_test_add_func ("/export/file/async", test_file_async);

  return g_test_run ();
}
