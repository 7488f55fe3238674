/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "provisio-core.h"

/* Each check runs in a child process started with the language set, so
 * that gettext picks the language up from the start as in a real run. */
static gboolean
run_in (const char *language)
{
  if (g_test_subprocess ())
    return TRUE;
  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 0, 0);
  g_test_trap_assert_passed ();
  return FALSE;
}

static void
test_countries_en (void)
{
  g_auto(GStrv) codes = NULL;

  if (!run_in ("en"))
    return;

  g_assert_cmpstr (pv_iso_codes_get_country_name ("FR"), ==, "France");
  g_assert_cmpstr (pv_iso_codes_get_country_name ("DE"), ==, "Germany");
  g_assert_cmpstr (pv_iso_codes_get_english_name ("DE"), ==, "Germany");
  g_assert_null (pv_iso_codes_get_country_name ("XX"));
  g_assert_null (pv_iso_codes_get_country_name ("fr"));
  g_assert_null (pv_iso_codes_get_country_name (NULL));
  g_assert_true (pv_iso_codes_is_country ("TR"));
  g_assert_false (pv_iso_codes_is_country ("ZZ"));

  codes = pv_iso_codes_list_countries ();
  g_assert_cmpuint (g_strv_length (codes), >, 240);
  g_assert_cmpstr (codes[0], ==, "AD");
  g_assert_true (g_strv_contains ((const char * const *) codes, "FR"));
}

static void
test_countries_fr (void)
{
  g_autoptr(PvCountry) de = NULL;
  g_autoptr(PvCountry) unknown = NULL;

  if (!run_in ("fr"))
    return;

  g_assert_cmpstr (pv_iso_codes_get_country_name ("FR"), ==, "France");
  g_assert_cmpstr (pv_iso_codes_get_country_name ("DE"), ==, "Allemagne");
  g_assert_cmpstr (pv_iso_codes_get_country_name ("ES"), ==, "Espagne");
  /* The English name stays available for exports. */
  g_assert_cmpstr (pv_iso_codes_get_english_name ("DE"), ==, "Germany");

  de = pv_country_new ("DE");
  g_assert_cmpstr (pv_country_get_name (de), ==, "Allemagne");
  unknown = pv_country_new ("XX");
  g_assert_cmpstr (pv_country_get_name (unknown), ==, "XX");
}

static PvOperator *
make_operator (void)
{
  static const char * const countries[] = { "FR", "DE", "ES", NULL };
  PvOperator *op = pv_operator_new ();

  pv_operator_set_name (op, "Telco");
  pv_operator_set_countries (op, countries);
  return op;
}

static char *
available_codes (PvOperatorPlan *plan)
{
  GListModel *model = pv_operator_plan_get_available_countries (plan);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PvCountry) c = g_list_model_get_item (model, i);
      g_string_append_printf (s, "%s%s", i ? " " : "", pv_country_get_code (c));
    }
  return g_string_free (s, FALSE);
}

static void
check_country_order (const char *language,
                     const char *expected)
{
  g_autoptr(PvOperatorPlan) plan = NULL;
  g_autoptr(PvOperator) op = NULL;
  g_autofree char *codes = NULL;

  if (!run_in (language))
    return;

  plan = pv_operator_plan_new ();
  op = make_operator ();
  pv_operator_plan_set_operator (plan, op);
  codes = available_codes (plan);
  /* Sorted by the name the user reads. */
  g_assert_cmpstr (codes, ==, expected);
}

static void
test_country_order_en (void)
{
  check_country_order ("en", "FR DE ES");  /* France, Germany, Spain */
}

static void
test_country_order_fr (void)
{
  check_country_order ("fr", "DE ES FR");  /* Allemagne, Espagne, France */
}

static void
test_messages_fr (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formats = NULL;

  if (!run_in ("fr"))
    return;

  g_assert_false (pv_validate_email ("", &error));
  g_assert_cmpstr (error->message, ==,
                   "Saisissez une adresse de messagerie, par exemple jean.dupont@contoso.com.");
  g_clear_error (&error);

  g_assert_false (pv_validate_sip_uri ("sip:jean&marie@contoso.com", &error));
  g_assert_cmpstr (error->message, ==,
                   "«\u00a0&\u00a0» est refusé dans un URI SIP, car il fait échouer certains "
                   "serveurs\u00a0; supprimez-le.");
  g_clear_error (&error);

  formats = pv_sip_formats_to_string (0xf);
  g_assert_cmpstr (formats, ==, "adresse de messagerie, userPrincipalName, prénom.nom, "
                                "sAMAccountName");
  g_assert_cmpstr (pv_sip_format_get_label (PV_SIP_FORMAT_EMAIL), ==,
                   "Utiliser l’adresse de messagerie de l’utilisateur");
  g_assert_cmpstr (pv_enum_get_label (PV_TYPE_POOL_KIND, PV_POOL_KIND_ENTERPRISE), ==,
                   "Pool d’entreprise");
  g_assert_cmpstr (pv_enum_get_label (PV_TYPE_POOL_KIND, PV_POOL_KIND_STANDARD_EDITION), ==,
                   "Serveur Standard Edition");
  g_assert_cmpstr (pv_enum_get_label (PV_TYPE_RESULT_STATUS, PV_RESULT_STATUS_ALREADY_DONE), ==,
                   "Déjà fait");
}

static void
test_plurals_fr (void)
{
  g_autoptr(PvEnablePlan) plan = NULL;
  g_autoptr(GListStore) users = NULL;
  g_autoptr(PvUser) a = NULL;
  g_autoptr(PvUser) b = NULL;
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;

  if (!run_in ("fr"))
    return;

  plan = pv_enable_plan_new ();
  users = g_list_store_new (PV_TYPE_USER);
  a = pv_user_new ();
  b = pv_user_new ();
  pv_user_set_id (a, "a");
  pv_user_set_id (b, "b");
  {
    g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
    g_autoptr(PvSipDomain) domain = pv_sip_domain_new ();

    pv_sip_domain_set_name (domain, "contoso.com");
    g_list_store_append (domains, domain);
    pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  }
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (users));

  g_list_store_append (users, a);
  g_assert_false (pv_enable_plan_get_step_status (plan, PV_ENABLE_STEP_SIGN_IN_NAME, &one));
  g_assert_true (g_str_has_prefix (one, "1 personne n’a pas encore d’URI SIP utilisable"));

  g_list_store_append (users, b);
  g_assert_false (pv_enable_plan_get_step_status (plan, PV_ENABLE_STEP_SIGN_IN_NAME, &two));
  g_assert_true (g_str_has_prefix (two, "2 personnes n’ont pas encore d’URI SIP utilisable"));
}

static void
test_missing_iso_codes (void)
{
  if (!g_test_subprocess ())
    {
      g_setenv ("PV_ISO_3166_JSON", "/nonexistent/iso_3166-1.json", TRUE);
      g_test_trap_subprocess (NULL, 0, 0);
      g_test_trap_assert_passed ();
      g_unsetenv ("PV_ISO_3166_JSON");
      return;
    }

  g_test_expect_message ("Provisio-Core", G_LOG_LEVEL_WARNING, "Cannot read the country list*");
  g_assert_null (pv_iso_codes_get_country_name ("FR"));
  g_test_assert_expected_messages ();
  /* Loaded once: no second warning. */
  g_assert_false (pv_iso_codes_is_country ("FR"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PV_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/i18n/countries/en", test_countries_en);
  g_test_add_func ("/i18n/countries/fr", test_countries_fr);
  g_test_add_func ("/i18n/country-order/en", test_country_order_en);
  g_test_add_func ("/i18n/country-order/fr", test_country_order_fr);
  g_test_add_func ("/i18n/messages/fr", test_messages_fr);
  g_test_add_func ("/i18n/plurals/fr", test_plurals_fr);
  g_test_add_func ("/i18n/missing-iso-codes", test_missing_iso_codes);

  return g_test_run ();
}
