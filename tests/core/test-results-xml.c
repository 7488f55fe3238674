/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <libxml/parser.h>

#include "pv-operation-result.h"
#include "pv-results-xml.h"
#include "pv-test-async.h"
#include "pv-xml.h"

/* The results XML: every export validates against the XSD shipped in
 * data/, reads back to the same run, and hostile files are refused with
 * the right error. */

static const char *
xsd_path (void)
{
  const char *path = g_getenv ("PROVISIO_RESULTS_XSD");

  g_assert_nonnull (path);
  return path;
}

/* Returns 0 when @data is valid, the libxml2 result otherwise. */
static int
validate (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  return pv_test_validate_doc (xmlReadMemory (bytes, (int) size, "export.xml", NULL, XML_PARSE_NONET),
                               xsd_path ());
}

static PvOperationResult *
result_new (const char     *item,
            PvResultStatus  status,
            const char     *message,
            const char     *before,
            const char     *after)
{
  PvOperationResult *r = pv_operation_result_new ();

  pv_operation_result_set_item (r, item);
  pv_operation_result_set_status (r, status);
  pv_operation_result_set_message (r, message);
  pv_operation_result_set_before (r, before);
  pv_operation_result_set_after (r, after);
  return r;
}

static GListModel *
hostile_results (void)
{
  GListStore *store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  static const struct {
    const char *item;
    PvResultStatus status;
    const char *message;
    const char *before;
    const char *after;
  } rows[] = {
    { "u1", PV_RESULT_STATUS_DONE, NULL, "", "sip:jean.dupont@contoso.com" },
    { "O'Brien\"; Remove-CsUser *", PV_RESULT_STATUS_FAILED,
      "<b>&amp; ]]> \"quoted\" 'single'", NULL, "sip:o.brien@contoso.com" },
    { "multi\nline\r\nid\twith tab", PV_RESULT_STATUS_SKIPPED,
      "line one\nline two\r\nCR\r", "  spaced  ", "  " },
    { "Hélène Çağrı Иван 李 🎉", PV_RESULT_STATUS_ALREADY_DONE,
      "تم بالفعل", "tel:+14255551297;ext=51297", "=cmd|' /C calc'!A0" },
    { "", PV_RESULT_STATUS_DONE, "", NULL, NULL },
    { "R&D & Co &#38; &amp;", PV_RESULT_STATUS_FAILED, "&#38; &lt;", "a&b", "&" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PvOperationResult) r = result_new (rows[i].item, rows[i].status,
                                                   rows[i].message, rows[i].before,
                                                   rows[i].after);
      g_list_store_append (store, r);
    }
  return G_LIST_MODEL (store);
}

static PvRunInfo *
enable_info (void)
{
  PvRunInfo *info = pv_run_info_new (PV_FLOW_ENABLE_USERS);
  g_autoptr(GDateTime) when = g_date_time_new_utc (2026, 11, 22, 10, 30, 15);

  pv_run_info_set_started (info, when);
  pv_run_info_set_tenant (info, "contoso.onmicrosoft.com");
  pv_run_info_set_service (info, "http://127.0.0.1:8080/");
  pv_run_info_set_pool (info, "pool01.contoso.com");
  pv_run_info_set_sip_format (info, PV_SIP_FORMAT_FIRST_LAST);
  pv_run_info_set_sip_domain (info, "contoso.com");
  return info;
}

static PvRunInfo *
operator_info (void)
{
  PvRunInfo *info = pv_run_info_new (PV_FLOW_CONNECT_OPERATOR);
  g_autoptr(PvContactDetails) contact = pv_contact_details_new ();
  static const char * const countries[] = { "FR", "DE", "US", NULL };

  pv_run_info_set_operator (info, "op-1", "Opérateur & Fils <SA>");
  pv_run_info_set_countries (info, countries);
  pv_contact_details_set_full_name (contact, "Anne O'Neil");
  pv_contact_details_set_email (contact, "anne@contoso.com");
  pv_contact_details_set_company_size (contact, 250);
  pv_contact_details_set_phone (contact, "+33123456789");
  pv_run_info_set_contact (info, contact);
  pv_run_info_set_consent (info, TRUE);
  return info;
}

static GBytes *
export (PvRunInfo  *info,
        GListModel *results)
{
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (pv_results_xml_write (out, info, results, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (out, NULL, NULL));
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
assert_same_results (GListModel *a,
                     GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));
  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(PvOperationResult) x = g_list_model_get_item (a, i);
      g_autoptr(PvOperationResult) y = g_list_model_get_item (b, i);

      g_assert_cmpstr (pv_operation_result_get_item (x), ==, pv_operation_result_get_item (y));
      g_assert_cmpint (pv_operation_result_get_status (x), ==,
                       pv_operation_result_get_status (y));
      g_assert_cmpstr (pv_operation_result_get_message (x), ==,
                       pv_operation_result_get_message (y));
      g_assert_cmpstr (pv_operation_result_get_before (x), ==, pv_operation_result_get_before (y));
      g_assert_cmpstr (pv_operation_result_get_after (x), ==, pv_operation_result_get_after (y));
    }
}

static void
test_enable_round_trip (void)
{
  g_autoptr(PvRunInfo) info = enable_info ();
  g_autoptr(GListModel) results = hostile_results ();
  g_autoptr(GBytes) data = export (info, results);
  g_autoptr(PvRunInfo) info2 = NULL;
  g_autoptr(GListModel) results2 = NULL;
  g_autoptr(GBytes) data2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (validate (data), ==, 0);

  g_assert_true (pv_results_xml_read (data, "export.xml", &info2, &results2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_info_get_flow (info2), ==, PV_FLOW_ENABLE_USERS);
  g_assert_cmpstr (pv_run_info_get_tenant (info2), ==, "contoso.onmicrosoft.com");
  g_assert_cmpstr (pv_run_info_get_service (info2), ==, "http://127.0.0.1:8080/");
  g_assert_true (g_date_time_equal (pv_run_info_get_started (info),
                                    pv_run_info_get_started (info2)));
  g_assert_cmpstr (pv_run_info_get_pool (info2), ==, "pool01.contoso.com");
  g_assert_cmpint (pv_run_info_get_sip_format (info2), ==, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_cmpstr (pv_run_info_get_sip_domain (info2), ==, "contoso.com");
  g_assert_null (pv_run_info_get_contact (info2));
  assert_same_results (results, results2);

  /* Exporting what was read gives the same bytes: nothing is lost. */
  data2 = export (info2, results2);
  g_assert_true (g_bytes_equal (data, data2));
}

static void
test_operator_round_trip (void)
{
  g_autoptr(PvRunInfo) info = operator_info ();
  g_autoptr(GListModel) results = hostile_results ();
  g_autoptr(GBytes) data = export (info, results);
  g_autoptr(PvRunInfo) info2 = NULL;
  g_autoptr(GListModel) results2 = NULL;
  g_autoptr(GError) error = NULL;
  PvContactDetails *contact;

  g_assert_cmpint (validate (data), ==, 0);
  g_assert_true (pv_results_xml_read (data, "export.xml", &info2, &results2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_info_get_flow (info2), ==, PV_FLOW_CONNECT_OPERATOR);
  g_assert_cmpstr (pv_run_info_get_operator_id (info2), ==, "op-1");
  g_assert_cmpstr (pv_run_info_get_operator_name (info2), ==, "Opérateur & Fils <SA>");
  g_assert_cmpstrv (pv_run_info_get_countries (info2), pv_run_info_get_countries (info));
  contact = pv_run_info_get_contact (info2);
  g_assert_nonnull (contact);
  g_assert_cmpstr (pv_contact_details_get_full_name (contact), ==, "Anne O'Neil");
  g_assert_cmpstr (pv_contact_details_get_email (contact), ==, "anne@contoso.com");
  g_assert_cmpint (pv_contact_details_get_company_size (contact), ==, 250);
  g_assert_cmpstr (pv_contact_details_get_phone (contact), ==, "+33123456789");
  g_assert_true (pv_run_info_get_consent (info2));
  assert_same_results (results, results2);
}

static PvOperationResult *
step_new (const char     *name,
          PvResultStatus  status,
          const char     *message)
{
  return result_new (name, status, message, NULL, NULL);
}

/* A guided move: one item a person, the steps that ran inside. */
static void
test_move_round_trip (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_MOVE_DIRECT_ROUTING);
  g_autoptr(GListStore) results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(PvOperationResult) moved = result_new ("jerome.blanc@contoso.com", PV_RESULT_STATUS_DONE,
                                                   "Assigned +33180000000.", "+33190000000", "+33180000000");
  g_autoptr(PvOperationResult) waiting = result_new ("ines.moreau@contoso.com", PV_RESULT_STATUS_SKIPPED,
                                                     "To be done with the operator: <order> & wait.",
                                                     "+33123456791", "+33123456791");
  g_autoptr(PvOperationResult) plain = result_new ("u3", PV_RESULT_STATUS_FAILED, "No steps.", NULL, NULL);
  const char * const countries[] = { "FR", NULL };
  const char * const names[] = { "removeNumberOnline", "removeVoiceRoutingPolicy", "acquireNumber", "assignNumber" };
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GBytes) data2 = NULL;
  g_autoptr(PvRunInfo) info2 = NULL;
  g_autoptr(GListModel) results2 = NULL;
  g_autoptr(PvOperationResult) first = NULL;
  g_autoptr(PvOperationResult) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *xml;

  pv_run_info_set_tenant (info, "contoso-tenant-id");
  pv_run_info_set_operator (info, "orange-business", "Orange Business");
  pv_run_info_set_countries (info, countries);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PvOperationResult) step = step_new (names[i], i == 2 ? PV_RESULT_STATUS_ALREADY_DONE
                                                                     : PV_RESULT_STATUS_DONE, "Step.");
      pv_operation_result_add_step (moved, step);
    }
  pv_operation_result_set_n_planned_steps (moved, 4);
  {
    g_autoptr(PvOperationResult) one = step_new ("removeNumberOnPremises", PV_RESULT_STATUS_DONE, "Removed.");
    g_autoptr(PvOperationResult) two = step_new ("removeVoiceRoutingPolicy", PV_RESULT_STATUS_ALREADY_DONE, NULL);
    g_autoptr(PvOperationResult) three = step_new ("acquireNumber", PV_RESULT_STATUS_SKIPPED,
                                                   "To be done with the operator: <order> & wait.");

    pv_operation_result_add_step (waiting, one);
    pv_operation_result_add_step (waiting, two);
    pv_operation_result_add_step (waiting, three);
    pv_operation_result_set_n_planned_steps (waiting, 4);
  }
  g_list_store_append (results, moved);
  g_list_store_append (results, waiting);
  g_list_store_append (results, plain);

  data = export (info, G_LIST_MODEL (results));
  g_assert_cmpint (validate (data), ==, 0);
  xml = g_bytes_get_data (data, NULL);
  g_assert_nonnull (strstr (xml, "<run flow=\"moveDirectRouting\""));
  g_assert_nonnull (strstr (xml, "<steps done=\"4\" total=\"4\">"));
  g_assert_nonnull (strstr (xml, "<steps done=\"2\" total=\"4\">"));
  g_assert_nonnull (strstr (xml, "<step number=\"3\" name=\"acquireNumber\" status=\"skipped\">"));

  g_assert_true (pv_results_xml_read (data, "move.xml", &info2, &results2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pv_run_info_get_flow (info2), ==, PV_FLOW_MOVE_DIRECT_ROUTING);
  assert_same_results (G_LIST_MODEL (results), results2);
  first = g_list_model_get_item (results2, 0);
  g_assert_cmpuint (pv_operation_result_get_n_steps (first), ==, 4);
  g_assert_cmpstr (pv_operation_result_get_item (pv_operation_result_get_step (first, 3)), ==, "assignNumber");
  second = g_list_model_get_item (results2, 1);
  g_assert_cmpuint (pv_operation_result_get_n_steps (second), ==, 3);
  g_assert_cmpuint (pv_operation_result_get_n_planned_steps (second), ==, 4);
  g_assert_cmpint (pv_operation_result_get_status (pv_operation_result_get_step (second, 2)), ==,
                   PV_RESULT_STATUS_SKIPPED);
  g_assert_null (pv_operation_result_get_message (pv_operation_result_get_step (second, 1)));

  /* Nothing lost: the same bytes again. */
  data2 = export (info2, results2);
  g_assert_true (g_bytes_equal (data, data2));
}

/* The schema knows the steps' names: a misspelt one is refused. */
static void
test_schema_refuses_bad_step (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_MOVE_CALLING_PLAN);
  g_autoptr(GListStore) results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(PvOperationResult) person = result_new ("u1", PV_RESULT_STATUS_FAILED, NULL, NULL, NULL);
  g_autoptr(PvOperationResult) step = step_new ("portTheNumber", PV_RESULT_STATUS_FAILED, NULL);
  g_autoptr(GBytes) data = NULL;

  pv_operation_result_add_step (person, step);
  g_list_store_append (results, person);
  data = export (info, G_LIST_MODEL (results));
  g_assert_cmpint (validate (data), !=, 0);
}

/* XML 1.0 cannot carry these even escaped: they must not make the file
 * unreadable. */
static void
test_control_characters (void)
{
  g_autoptr(PvRunInfo) info = enable_info ();
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(PvOperationResult) r = result_new ("bell\a", PV_RESULT_STATUS_FAILED,
                                               "nul-ish \x01\x1b[31m red", "bad \xff utf8",
                                               NULL);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GListModel) back = NULL;
  g_autoptr(PvOperationResult) r2 = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (store, r);
  data = export (info, G_LIST_MODEL (store));
  g_assert_cmpint (validate (data), ==, 0);
  g_assert_true (pv_results_xml_read (data, "export.xml", NULL, &back, &error));
  g_assert_no_error (error);
  r2 = g_list_model_get_item (back, 0);
  g_assert_cmpstr (pv_operation_result_get_item (r2), ==, "bell\xef\xbf\xbd");
  g_assert_cmpstr (pv_operation_result_get_message (r2), ==,
                   "nul-ish \xef\xbf\xbd\xef\xbf\xbd[31m red");
  g_assert_cmpstr (pv_operation_result_get_before (r2), ==, "bad \xef\xbf\xbd utf8");
}

static void
test_empty_run_validates (void)
{
  g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_HYBRID_VOICE);
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GListModel) back = NULL;
  g_autoptr(GError) error = NULL;

  g_autoptr(PvRunInfo) info2 = NULL;

  /* The start time is now, to the microsecond: it must survive. */
  pv_run_info_set_voice_routing_policy (info, "Policy 'EU'");
  data = export (info, G_LIST_MODEL (store));
  g_assert_cmpint (validate (data), ==, 0);
  g_assert_true (pv_results_xml_read (data, "export.xml", &info2, &back, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (back), ==, 0);
  g_assert_true (g_date_time_equal (pv_run_info_get_started (info),
                                    pv_run_info_get_started (info2)));
  g_assert_cmpstr (pv_run_info_get_voice_routing_policy (info2), ==, "Policy 'EU'");
  g_assert_cmpint (pv_run_info_get_flow (info2), ==, PV_FLOW_HYBRID_VOICE);
}

/* The schema is not a rubber stamp: a document it must refuse. */
static void
test_schema_refuses_bad_status (void)
{
  static const char doc[] =
    "<results xmlns='urn:provisio:results:1' version='1'>"
    "<run flow='enableUsers' started='2026-11-22T10:00:00Z'/><settings/>"
    "<items><item id='a' status='maybe'/></items></results>";
  g_autoptr(GBytes) data = g_bytes_new_static (doc, sizeof doc - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) back = NULL;

  g_assert_cmpint (validate (data), !=, 0);
  g_assert_false (pv_results_xml_read (data, "bad.xml", NULL, &back, &error));
  g_assert_error (error, PV_XML_ERROR, PV_XML_ERROR_STRUCTURE);
  g_assert_nonnull (strstr (error->message, "bad.xml, line 1"));
  g_assert_nonnull (strstr (error->message, "maybe"));
}

/* Elements of other namespaces are room for extensions: skipped whole. */
static void
test_foreign_elements (void)
{
  static const char doc[] =
    "<results xmlns='urn:provisio:results:1' xmlns:x='urn:example:extension' version='1'>"
    "<run flow='enableUsers' started='2026-11-22T10:00:00Z'><x:note>hi</x:note></run>"
    "<settings><x:pool>ignored</x:pool><pool>p.contoso.com</pool></settings>"
    "<items><x:wrap><item id='hidden' status='done'/></x:wrap>"
    "<item id='a' status='skipped'><x:after>no</x:after><after>yes</after></item></items>"
    "</results>";
  g_autoptr(GBytes) data = g_bytes_new_static (doc, sizeof doc - 1);
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PvOperationResult) only = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pv_results_xml_read (data, "ext.xml", &info, &results, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pv_run_info_get_pool (info), ==, "p.contoso.com");
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  only = g_list_model_get_item (results, 0);
  g_assert_cmpstr (pv_operation_result_get_item (only), ==, "a");
  g_assert_cmpstr (pv_operation_result_get_after (only), ==, "yes");
}

static void
test_good_fixture (void)
{
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", "results-good.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PvOperationResult) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  {
    g_autoptr(GBytes) bytes = g_bytes_new (contents, length);
    g_assert_cmpint (validate (bytes), ==, 0);
  }

  g_assert_true (pv_results_xml_load (file, &info, &results, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
  second = g_list_model_get_item (results, 1);
  g_assert_cmpstr (pv_operation_result_get_item (second), ==, "u2");
  g_assert_cmpint (pv_operation_result_get_status (second), ==, PV_RESULT_STATUS_FAILED);
  g_assert_cmpstr (pv_operation_result_get_message (second), ==,
                   "The registrar pool did not answer.");
  g_assert_null (pv_operation_result_get_before (second));
  g_assert_cmpstr (pv_run_info_get_pool (info), ==, "pool01.contoso.com");

  /* What a rerun of the failed items starts from. */
  {
    g_autoptr(GListModel) failed = pv_operation_results_select (results,
                                                                PV_RESULT_STATUS_FAILED);
    g_autoptr(PvOperationResult) only = NULL;

    g_assert_cmpuint (g_list_model_get_n_items (failed), ==, 1);
    only = g_list_model_get_item (failed, 0);
    g_assert_true (only == second);
  }
}

typedef struct
{
  const char *fixture;
  int code;
  const char *fragment;
} HostileCase;

static void
test_hostile_fixtures (void)
{
  static const HostileCase cases[] = {
    { "billion-laughs.xml", PV_XML_ERROR_DTD, "declares entities" },
    { "xxe.xml", PV_XML_ERROR_DTD, "declares entities" },
    { "xxe-system-doctype.xml", PV_XML_ERROR_DTD, "declares entities" },
    { "wrong-namespace.xml", PV_XML_ERROR_NAMESPACE, "urn:provisio:results:2" },
    { "wrong-encoding.xml", PV_XML_ERROR_ENCODING, "line 3" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", cases[i].fixture,
                                                NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GError) error = NULL;
      gint64 begin = g_get_monotonic_time ();

      g_test_message ("%s", cases[i].fixture);
      g_assert_false (pv_results_xml_load (file, NULL, &results, NULL, &error));
      g_assert_error (error, PV_XML_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fixture));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_assert_null (results);
      /* Refused at the DOCTYPE, long before any expansion could start. */
      g_assert_cmpint (g_get_monotonic_time () - begin, <, G_USEC_PER_SEC);
    }
}

static void
test_truncated (void)
{
  g_autoptr(PvRunInfo) info = enable_info ();
  g_autoptr(GListModel) results = hostile_results ();
  g_autoptr(GBytes) data = export (info, results);
  gsize size = g_bytes_get_size (data);

  /* Cut anywhere after the root start tag: always a clear truncation. */
  for (gsize cut = size / 4; cut < size - 2; cut += size / 13)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (data, 0, cut);
      g_autoptr(GListModel) back = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_false (pv_results_xml_read (part, "cut.xml", NULL, &back, &error));
      g_assert_error (error, PV_XML_ERROR, PV_XML_ERROR_TRUNCATED);
      g_assert_nonnull (strstr (error->message, "cut.xml, line "));
      g_assert_nonnull (strstr (error->message, "cut off"));
    }
}

static void
test_other_bad_input (void)
{
  static const struct { const char *text; int code; const char *fragment; } cases[] = {
    { "", PV_XML_ERROR_EMPTY, "empty" },
    { "  \n ", PV_XML_ERROR_EMPTY, "empty" },
    { "not xml at all", PV_XML_ERROR_MALFORMED, "line 1" },
    { "<Topology xmlns='urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008'/>",
      PV_XML_ERROR_STRUCTURE, "“Topology” where “results”" },
    { "<results version='1'/>", PV_XML_ERROR_NAMESPACE, "“urn:provisio:results:1”" },
    { "<results xmlns='urn:provisio:results:1' version='2'><run/><settings/><items/></results>",
      PV_XML_ERROR_STRUCTURE, "version “2”" },
    { "<results xmlns='urn:provisio:results:1' version='1'><settings/><items/></results>",
      PV_XML_ERROR_STRUCTURE, "missing" },
    { "<results xmlns='urn:provisio:results:1' version='1'>\n<run flow='x' "
      "started='2026-01-01T00:00:00Z'/><settings/><items/></results>",
      PV_XML_ERROR_STRUCTURE, "line 2: unknown flow “x”" },
    { "<results xmlns='urn:provisio:results:1' version='1'><run flow='enableUsers' "
      "started='yesterday'/><settings/><items/></results>",
      PV_XML_ERROR_STRUCTURE, "yesterday" },
    { "<results xmlns='urn:provisio:results:1' version='1'><run flow='enableUsers' "
      "started='2026-01-01T00:00:00Z'/><settings/><items><item status='done'/></items></results>",
      PV_XML_ERROR_STRUCTURE, "no id" },
    { "<!DOCTYPE results><results xmlns='urn:provisio:results:1' version='1'/>",
      PV_XML_ERROR_DTD, "DOCTYPE" },
    { "<!DOCTYPE results [<!NOTATION gif SYSTEM 'viewer'>"
      "<!ENTITY pic SYSTEM 'http://attacker.invalid/p.gif' NDATA gif>]>"
      "<results xmlns='urn:provisio:results:1' version='1'/>",
      PV_XML_ERROR_DTD, "declares entities" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) data = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GListModel) back = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_false (pv_results_xml_read (data, "in.xml", NULL, &back, &error));
      g_assert_error (error, PV_XML_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "in.xml"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
    }
}

static void
test_size_limit (void)
{
  static const char doc[] = "<results xmlns='urn:provisio:results:1' version='1'/>";
  g_autoptr(GBytes) data = g_bytes_new_static (doc, sizeof doc - 1);
  g_autoptr(GError) error = NULL;
  xmlDoc *parsed;

  parsed = pv_xml_read (data, "big.xml", 10, PV_RESULTS_XML_NAMESPACE, "results", &error);
  g_assert_null (parsed);
  g_assert_error (error, PV_XML_ERROR, PV_XML_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.xml is larger than 10 bytes"));
}

/* A stream that fails after a number of bytes, like a full disk. */
static void
test_write_error (void)
{
  g_autoptr(PvRunInfo) info = enable_info ();
  g_autoptr(GListModel) results = hostile_results ();
  char buffer[600];
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (buffer, sizeof buffer, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pv_results_xml_write (out, info, results, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
}

static void
test_cancelled (void)
{
  g_autoptr(PvRunInfo) info = enable_info ();
  g_autoptr(GListModel) results = hostile_results ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (pv_results_xml_write (out, info, results, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_load_async (void)
{
  g_autofree char *good = g_build_filename (PV_TEST_SRCDIR, "fixtures", "results-good.xml", NULL);
  g_autofree char *bad = g_build_filename (PV_TEST_SRCDIR, "fixtures", "billion-laughs.xml", NULL);
  const char *paths[] = { good, bad };

  for (gsize i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(PvRunInfo) info = NULL;
      g_autoptr(GListModel) results = NULL;
      g_autoptr(GError) error = NULL;
      gboolean ok;

      pv_results_xml_load_async (file, NULL, on_loaded, &result);
      while (result == NULL)
        g_main_context_iteration (NULL, TRUE);
      ok = pv_results_xml_load_finish (result, &info, &results, &error);
      if (i == 0)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
          g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PV_XML_ERROR, PV_XML_ERROR_DTD);
          g_assert_null (info);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/results-xml/enable-round-trip", test_enable_round_trip);
  g_test_add_func ("/results-xml/operator-round-trip", test_operator_round_trip);
  g_test_add_func ("/results-xml/move-round-trip", test_move_round_trip);
  g_test_add_func ("/results-xml/schema-refuses-bad-step", test_schema_refuses_bad_step);
  g_test_add_func ("/results-xml/control-characters", test_control_characters);
  g_test_add_func ("/results-xml/empty-run", test_empty_run_validates);
  g_test_add_func ("/results-xml/schema-refuses-bad-status", test_schema_refuses_bad_status);
  g_test_add_func ("/results-xml/foreign-elements", test_foreign_elements);
  g_test_add_func ("/results-xml/good-fixture", test_good_fixture);
  g_test_add_func ("/results-xml/hostile-fixtures", test_hostile_fixtures);
  g_test_add_func ("/results-xml/truncated", test_truncated);
  g_test_add_func ("/results-xml/other-bad-input", test_other_bad_input);
  g_test_add_func ("/results-xml/size-limit", test_size_limit);
  g_test_add_func ("/results-xml/write-error", test_write_error);
  g_test_add_func ("/results-xml/cancelled", test_cancelled);
  g_test_add_func ("/results-xml/load-async", test_load_async);

  return g_test_run ();
}
