/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pv-pool.h"
#include "pv-sip-domain.h"
#include "pv-topology.h"
#include "pv-xml.h"

/* Get-CsTopology -AsXml fixtures: pools with their kind, site and
 * machines, SIP domains, and the files that must be refused. */

static PvTopology *
load (const char  *fixture,
      GError     **error)
{
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", fixture, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pv_topology_load (file, NULL, error);
}

/* “fqdn kind site machine,machine” per pool, joined with “|”. */
static char *
describe_pools (PvTopology *topology)
{
  GListModel *pools = pv_topology_get_pools (topology);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);
      g_autofree char *machines = g_strjoinv (",", (char **) pv_pool_get_machines (pool));

      g_string_append_printf (out, "%s%s %s %s %s", i > 0 ? "|" : "", pv_pool_get_fqdn (pool),
                              pv_enum_to_nick (PV_TYPE_POOL_KIND, pv_pool_get_kind (pool)),
                              pv_pool_get_site (pool), machines);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_domains (PvTopology *topology)
{
  GListModel *domains = pv_topology_get_sip_domains (topology);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (domains); i++)
    {
      g_autoptr(PvSipDomain) domain = g_list_model_get_item (domains, i);

      g_string_append_printf (out, "%s%s%s", i > 0 ? "," : "", pv_sip_domain_get_name (domain),
                              pv_sip_domain_get_is_default (domain) ? "*" : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_good (void)
{
  static const struct { const char *fixture; const char *pools; const char *domains; } cases[] = {
    { "topology-small.xml",
      "se01.contoso.com standardEdition Paris se01.contoso.com",
      "contoso.com*" },
    { "topology-medium.xml",
      "pool01.contoso.com enterprise Lyon fe01.contoso.com,fe02.contoso.com,fe03.contoso.com|"
      "pool02.contoso.com enterprise Lyon fe11.contoso.com,fe12.contoso.com|"
      "se02.contoso.com standardEdition Lyon se02.contoso.com",
      "contoso.com*,fabrikam.fr" },
    { "topology-directors.xml",
      "dir.contoso.com director Paris dir01.contoso.com,dir02.contoso.com|"
      "pool-par.contoso.com enterprise Paris fe-par1.contoso.com,fe-par2.contoso.com|"
      "pool-mtl.contoso.ca enterprise Montréal fe-mtl1.contoso.ca,fe-mtl2.contoso.ca,"
      "fe-mtl3.contoso.ca|"
      "dir-mtl.contoso.ca director Montréal dir-mtl.contoso.ca|"
      "se-zrh.contoso.ch standardEdition Zürich se-zrh.contoso.ch",
      "contoso.com,contoso.ca*,contoso.ch" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvTopology) topology = load (cases[i].fixture, &error);
      g_autofree char *pools = NULL;
      g_autofree char *domains = NULL;

      g_test_message ("%s", cases[i].fixture);
      g_assert_no_error (error);
      g_assert_nonnull (topology);
      pools = describe_pools (topology);
      domains = describe_domains (topology);
      g_assert_cmpstr (pools, ==, cases[i].pools);
      g_assert_cmpstr (domains, ==, cases[i].domains);
    }
}

/* A single-machine Director is still a Director, and never a target. */
static void
test_directors_not_targets (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTopology) topology = load ("topology-directors.xml", &error);
  GListModel *pools;
  guint targets = 0;

  g_assert_no_error (error);
  pools = pv_topology_get_pools (topology);
  for (guint i = 0; i < g_list_model_get_n_items (pools); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (pools, i);

      g_assert_cmpint (pv_pool_is_target (pool), ==,
                       pv_pool_get_kind (pool) != PV_POOL_KIND_DIRECTOR);
      targets += pv_pool_is_target (pool);
    }
  g_assert_cmpuint (targets, ==, 3);
}

static void
test_bad (void)
{
  static const struct {
    const char *fixture;
    GQuark (*domain) (void);
    int code;
    const char *fragment;
  } cases[] = {
    { "topology-no-registrar.xml", pv_topology_error_quark, PV_TOPOLOGY_ERROR_NO_REGISTRAR,
      "lists no Registrar pool" },
    { "topology-dangling.xml", pv_topology_error_quark, PV_TOPOLOGY_ERROR_INVALID,
      "line 11: a Registrar service is installed on the cluster “1:9”" },
    { "topology-billion-laughs.xml", pv_xml_error_quark, PV_XML_ERROR_DTD, "declares entities" },
    { "xxe.xml", pv_xml_error_quark, PV_XML_ERROR_DTD, "declares entities" },
    { "topology-wrong-namespace.xml", pv_xml_error_quark, PV_XML_ERROR_NAMESPACE,
      "Topology.2099" },
    { "results-good.xml", pv_xml_error_quark, PV_XML_ERROR_STRUCTURE,
      "“results” where “Topology”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PvTopology) topology = NULL;
      gint64 begin = g_get_monotonic_time ();

      g_test_message ("%s", cases[i].fixture);
      topology = load (cases[i].fixture, &error);
      g_assert_null (topology);
      g_assert_error (error, cases[i].domain (), cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].fixture));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
      g_assert_cmpint (g_get_monotonic_time () - begin, <, G_USEC_PER_SEC);
    }
}

static void
test_truncated (void)
{
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", "topology-medium.xml",
                                            NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize cut = 300; cut < length - 2; cut += 397)
    {
      g_autoptr(GBytes) data = g_bytes_new (contents, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(PvTopology) topology = pv_topology_new_from_bytes (data, "topo.xml", &error);

      g_assert_null (topology);
      g_assert_error (error, PV_XML_ERROR, PV_XML_ERROR_TRUNCATED);
    }
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
test_async (void)
{
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "fixtures", "topology-small.xml",
                                            NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvTopology) topology = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) cancelled = NULL;

  pv_topology_load_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  topology = pv_topology_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pv_topology_get_pools (topology)), ==, 1);

  g_cancellable_cancel (cancellable);
  pv_topology_load_async (file, cancellable, on_loaded, &cancelled);
  while (cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (pv_topology_load_finish (cancelled, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/topology/good", test_good);
  g_test_add_func ("/topology/directors-not-targets", test_directors_not_targets);
  g_test_add_func ("/topology/bad", test_bad);
  g_test_add_func ("/topology/truncated", test_truncated);
  g_test_add_func ("/topology/async", test_async);

  return g_test_run ();
}
