/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libintl.h>
#include <locale.h>
#include <string.h>

#include "provisio-core.h"

/* The tables and texts of Connect an operator, without a display: the
 * company-size ranges, the regions, an operator's labels, and the note
 * for the operator, in English and in French. */

/* Each French check runs in a child process started with the language
 * set, so that gettext picks it up from the start as in a real run. */
static gboolean
run_in (const char *language)
{
  if (g_test_subprocess ())
    return TRUE;
  g_setenv ("LANGUAGE", language, TRUE);
  g_test_trap_subprocess (NULL, 0, 0);
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_trap_assert_passed ();
  return FALSE;
}

static PvOperator *
make_operator (const char         *name,
               PvOperatorServices  services)
{
  static const char * const countries[] = { "FR", "DE", "ZZ", NULL };
  static const char * const regions[] = { "Europe", "Middle East and Africa", "Atlantis", NULL };
  PvOperator *op = pv_operator_new ();

  pv_operator_set_id (op, "telco");
  pv_operator_set_name (op, name);
  pv_operator_set_countries (op, countries);
  pv_operator_set_regions (op, regions);
  pv_operator_set_services (op, services);
  return op;
}

/* --- Company sizes. --- */

static const struct
{
  int         size;
  guint       range;     /* G_MAXUINT: none */
  const char *label;
  const char *label_fr;
} sizes[] = {
  { G_MININT, G_MAXUINT, NULL, NULL },
  { -1, G_MAXUINT, NULL, NULL },
  { 0, G_MAXUINT, NULL, NULL },
  { 1, 0, "1–50", "1 à 50" },
  { 50, 0, "1–50", "1 à 50" },
  { 51, 1, "51–250", "51 à 250" },
  { 250, 1, "51–250", "51 à 250" },
  { 251, 2, "251–1,000", "251 à 1\u00a0000" },
  { 1000, 2, "251–1,000", "251 à 1\u00a0000" },
  { 1001, 3, "1,001–5,000", "1\u00a0001 à 5\u00a0000" },
  { 5000, 3, "1,001–5,000", "1\u00a0001 à 5\u00a0000" },
  { 5001, 4, "5,001–10,000", "5\u00a0001 à 10\u00a0000" },
  { 10000, 4, "5,001–10,000", "5\u00a0001 à 10\u00a0000" },
  { 10001, 5, "More than 10,000", "Plus de 10\u00a0000" },
  { G_MAXINT, 5, "More than 10,000", "Plus de 10\u00a0000" },
};

static void
check_sizes (gboolean french)
{
  g_assert_cmpuint (pv_company_size_n_ranges (), ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      const char *expected = french ? sizes[i].label_fr : sizes[i].label;

      g_test_message ("company size %d", sizes[i].size);
      g_assert_cmpuint (pv_company_size_find_range (sizes[i].size), ==, sizes[i].range);
      g_assert_cmpstr (pv_company_size_label (sizes[i].size), ==, expected);
      if (sizes[i].range != G_MAXUINT)
        g_assert_cmpstr (pv_company_size_range_label (sizes[i].range), ==, expected);
    }

  /* What a range sends comes back as that range. */
  for (guint i = 0; i < pv_company_size_n_ranges (); i++)
    {
      g_assert_cmpint (pv_company_size_range_value (i), >, 0);
      g_assert_cmpuint (pv_company_size_find_range (pv_company_size_range_value (i)), ==, i);
    }
}

static void
test_company_sizes (void)
{
  check_sizes (FALSE);
}

static void
test_company_sizes_fr (void)
{
  if (run_in ("fr"))
    check_sizes (TRUE);
}

/* --- Regions, services, countries, and an operator already taken. --- */

static const struct
{
  const char *region;
  const char *label;
  const char *label_fr;
} regions[] = {
  { "Europe", "Europe", "Europe" },
  { "Middle East and Africa", "Middle East and Africa", "Moyen-Orient et Afrique" },
  { "North America", "North America", "Amérique du Nord" },
  { "Latin America", "Latin America", "Amérique latine" },
  { "Asia Pacific", "Asia Pacific", "Asie-Pacifique" },
  /* Unknown to the app: shown as the service wrote it, never guessed. */
  { "europe", "europe", "europe" },
  { "Europe ", "Europe ", "Europe " },
  { "Atlantis", "Atlantis", "Atlantis" },
  { "", "", "" },
  { "Европа \"<b>\"", "Европа \"<b>\"", "Европа \"<b>\"" },
  { NULL, NULL, NULL },
};

static void
check_regions (gboolean french)
{
  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    g_assert_cmpstr (pv_operator_region_label (regions[i].region), ==,
                     french ? regions[i].label_fr : regions[i].label);
}

static void
test_regions (void)
{
  check_regions (FALSE);
}

static void
test_regions_fr (void)
{
  if (run_in ("fr"))
    check_regions (TRUE);
}

static const struct
{
  PvOperatorServices services;
  const char        *label;
  const char        *label_fr;
} services[] = {
  { 0, "", "" },
  { PV_OPERATOR_SERVICE_CALLING, "Calling", "Appels" },
  { PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE | PV_OPERATOR_SERVICE_CALLING,
    "Calling, Teams Phone Mobile", "Appels, Teams Phone Mobile" },
  { PV_OPERATOR_SERVICE_CALLING | PV_OPERATOR_SERVICE_AUDIO_CONFERENCING |
    PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE,
    "Calling, Audio Conferencing, Teams Phone Mobile",
    "Appels, Audioconférence, Teams Phone Mobile" },
};

static void
check_operator_labels (gboolean french)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autoptr(PvOperator) op = make_operator ("Telco", services[i].services);
      g_autofree char *label = pv_operator_dup_services_label (op);

      g_assert_cmpstr (label, ==, french ? services[i].label_fr : services[i].label);
    }

  {
    g_autoptr(PvOperator) op = make_operator ("Telco", 0);
    g_autofree char *none = pv_operator_dup_services_label (NULL);
    g_autofree char *region_list = pv_operator_dup_regions_label (op);
    g_autofree char *country_list = pv_operator_dup_countries_label (op);

    g_assert_cmpstr (none, ==, "");
    /* In the catalogue's order; a code iso-codes does not know stays a code. */
    g_assert_cmpstr (region_list, ==, french ? "Europe, Moyen-Orient et Afrique, Atlantis"
                                             : "Europe, Middle East and Africa, Atlantis");
    g_assert_cmpstr (country_list, ==, french ? "France, Allemagne, ZZ" : "France, Germany, ZZ");
  }

  {
    g_autoptr(PvOperator) empty = pv_operator_new ();
    g_autofree char *region_list = pv_operator_dup_regions_label (empty);
    g_autofree char *country_list = pv_operator_dup_countries_label (empty);

    g_assert_cmpstr (region_list, ==, "");
    g_assert_cmpstr (country_list, ==, "");
  }
}

static void
test_operator_labels (void)
{
  check_operator_labels (FALSE);
}

static void
test_operator_labels_fr (void)
{
  if (run_in ("fr"))
    check_operator_labels (TRUE);
}

static void
test_unavailable_reason (void)
{
  static const struct
  {
    const char      *name;
    PvOperatorStatus status;
    const char      *reason;
  } rows[] = {
    { "Telco", PV_OPERATOR_STATUS_ACTIVE,
      "Telco is already one of your operators. Change its countries under My operators." },
    { "Telco", PV_OPERATOR_STATUS_SUSPENDED,
      "Telco is already one of your operators, suspended. Resume it or change its countries "
      "under My operators." },
    { "e& \"Etisalat\" <b>", PV_OPERATOR_STATUS_ACTIVE,
      "e& \"Etisalat\" <b> is already one of your operators. Change its countries under My "
      "operators." },
    { "Телеком", PV_OPERATOR_STATUS_SUSPENDED,
      "Телеком is already one of your operators, suspended. Resume it or change its countries "
      "under My operators." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PvOperator) op = make_operator (rows[i].name, 0);
      g_autofree char *reason = pv_operator_dup_unavailable_reason (op, rows[i].status);

      g_assert_cmpstr (reason, ==, rows[i].reason);
    }
}

/* --- The operators the tenant already has. --- */

static void
add_tenant_operator (GListStore       *store,
                     const char       *id,
                     PvOperatorStatus  status)
{
  g_autoptr(PvTenantOperator) tenant_operator = pv_tenant_operator_new ();

  pv_tenant_operator_set_operator_id (tenant_operator, id);
  pv_tenant_operator_set_status (tenant_operator, status);
  g_list_store_append (store, tenant_operator);
}

/* What the plan says of each operator after each look at the tenant. */
static void
check_tenant (PvOperatorPlan *plan,
              const char     *expected)
{
  static const char * const ids[] = { "bt", "orange", "telco" };
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(PvOperator) op = pv_operator_new ();
      g_autofree char *reason = NULL;
      PvOperatorStatus status = PV_OPERATOR_STATUS_ACTIVE;
      gboolean has;

      pv_operator_set_id (op, ids[i]);
      pv_operator_set_name (op, "X");
      has = pv_operator_plan_get_tenant_status (plan, ids[i], &status);
      reason = pv_operator_plan_dup_unavailable_reason (plan, op);
      g_assert_true (has == (reason != NULL));
      g_string_append_printf (got, "%s%s=%s", i > 0 ? " " : "", ids[i],
                              !has ? "free" : status == PV_OPERATOR_STATUS_SUSPENDED
                                              ? "suspended" : "active");
      if (has)
        g_assert_true (g_str_has_prefix (reason, "X is already one of your operators"));
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_tenant_operators (void)
{
  g_autoptr(PvOperatorPlan) plan = pv_operator_plan_new ();
  g_autoptr(GListStore) first = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  g_autoptr(GListStore) second = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  g_autoptr(GListStore) none = g_list_store_new (PV_TYPE_TENANT_OPERATOR);

  check_tenant (plan, "bt=free orange=free telco=free");
  g_assert_false (pv_operator_plan_get_tenant_status (plan, NULL, NULL));

  add_tenant_operator (first, "bt", PV_OPERATOR_STATUS_ACTIVE);
  add_tenant_operator (first, "orange", PV_OPERATOR_STATUS_SUSPENDED);
  add_tenant_operator (first, NULL, PV_OPERATOR_STATUS_ACTIVE);
  pv_operator_plan_set_tenant_operators (plan, G_LIST_MODEL (first));
  check_tenant (plan, "bt=active orange=suspended telco=free");

  /* Added by this wizard. */
  pv_operator_plan_set_tenant_status (plan, "telco", TRUE, PV_OPERATOR_STATUS_ACTIVE);
  check_tenant (plan, "bt=active orange=suspended telco=active");

  /* The next look: bt was removed elsewhere, orange resumed. */
  add_tenant_operator (second, "orange", PV_OPERATOR_STATUS_ACTIVE);
  add_tenant_operator (second, "telco", PV_OPERATOR_STATUS_ACTIVE);
  pv_operator_plan_set_tenant_operators (plan, G_LIST_MODEL (second));
  check_tenant (plan, "bt=free orange=active telco=active");

  pv_operator_plan_set_tenant_status (plan, "orange", FALSE, PV_OPERATOR_STATUS_ACTIVE);
  check_tenant (plan, "bt=free orange=free telco=active");
  pv_operator_plan_set_tenant_operators (plan, G_LIST_MODEL (none));
  check_tenant (plan, "bt=free orange=free telco=free");
}

/* --- The plan's texts: countries, the outcome, the note. --- */

static PvOperatorPlan *
make_plan (PvOperator         *op,
           const char * const *codes)
{
  PvOperatorPlan *plan = pv_operator_plan_new ();

  pv_operator_plan_set_operator (plan, op);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    g_assert_true (pv_operator_plan_select_country (plan, codes[i], NULL));
  return plan;
}

static void
test_country_texts (void)
{
  static const char * const none[] = { NULL };
  static const char * const fr[] = { "FR", NULL };
  static const char * const de_fr[] = { "DE", "FR", NULL };
  static const struct
  {
    const char * const *codes;
    const char         *names;
    const char         *with_codes;
    const char         *added;
  } rows[] = {
    { none, "", "", "Telco is now your operator in these countries: ." },
    { fr, "France", "France (FR)", "Telco is now your operator in this country: France (FR)." },
    { de_fr, "France, Germany", "France (FR), Germany (DE)",
      "Telco is now your operator in these countries: France (FR), Germany (DE)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(PvOperator) op = make_operator ("Telco", 0);
      g_autoptr(PvOperatorPlan) plan = make_plan (op, rows[i].codes);
      g_autofree char *names = pv_operator_plan_dup_country_names (plan, FALSE);
      g_autofree char *with_codes = pv_operator_plan_dup_country_names (plan, TRUE);
      g_autofree char *added = pv_operator_plan_dup_added_message (plan, "Telco");

      g_assert_cmpstr (names, ==, rows[i].names);
      g_assert_cmpstr (with_codes, ==, rows[i].with_codes);
      g_assert_cmpstr (added, ==, rows[i].added);
    }
}

typedef struct
{
  const char *full_name;
  const char *email;
  const char *phone;
  int         company_size;
  const char *organization;
  const char *tenant_id;
  gboolean    accepted;
  const char *note;
} NoteRow;

#define TENANT "9f4e2c1a-0b7d-4e55-9a63-2f1d8c3b7e10"
#define NOTE_HEAD \
  "Operator Connect: Telco\n\n" \
  "We have added you as our operator in Microsoft Teams (Operator Connect). Please use the " \
  "tenant ID below to provide our phone numbers.\n\n"

static const NoteRow notes[] = {
  /* The usual request. */
  { "Ann Lee", "ann.lee@contoso.com", NULL, 250, "Contoso", TENANT, TRUE,
    NOTE_HEAD
    "Tenant ID: " TENANT "\n"
    "Organization: Contoso\n"
    "Countries: France (FR), Germany (DE)\n\n"
    "Contact: Ann Lee\n"
    "E-mail: ann.lee@contoso.com\n"
    "Company size (employees): 51–250\n\n"
    "The data transfer notice was accepted.\n" },
  /* Quotes and markup are plain text; no organization, no size, an
   * empty phone: their lines are left out. */
  { "Zoë \"Zed\" O'Brien <b>&amp;", "zed@contoso.com", "", 0, NULL, TENANT, FALSE,
    NOTE_HEAD
    "Tenant ID: " TENANT "\n"
    "Countries: France (FR), Germany (DE)\n\n"
    "Contact: Zoë \"Zed\" O'Brien <b>&amp;\n"
    "E-mail: zed@contoso.com\n\n"
    "The data transfer notice was not accepted.\n" },
  /* A line break in a value cannot forge another line of the note. */
  { "Ann\nTenant ID: 00000000-0000-0000-0000-000000000000", "ann@contoso.com\r\nBcc: x@y.z",
    "+33142685300\t", 10001, "Contoso\u2028Ltd\x0b", TENANT, TRUE,
    NOTE_HEAD
    "Tenant ID: " TENANT "\n"
    "Organization: Contoso Ltd \n"
    "Countries: France (FR), Germany (DE)\n\n"
    "Contact: Ann Tenant ID: 00000000-0000-0000-0000-000000000000\n"
    "E-mail: ann@contoso.com  Bcc: x@y.z\n"
    "Phone: +33142685300 \n"
    "Company size (employees): More than 10,000\n\n"
    "The data transfer notice was accepted.\n" },
  /* Not Latin, kept as typed; no tenant ID yet; bytes that are not
   * UTF-8 do not reach the file. */
  { "李小龍 Ибрагим عبد الله", "li@例え.jp", "+81 3 1234 5678", 1, "株式会社\xff", NULL, TRUE,
    NOTE_HEAD
    "Tenant ID: \n"
    "Organization: 株式会社\ufffd\n"
    "Countries: France (FR), Germany (DE)\n\n"
    "Contact: 李小龍 Ибрагим عبد الله\n"
    "E-mail: li@例え.jp\n"
    "Phone: +81 3 1234 5678\n"
    "Company size (employees): 1–50\n\n"
    "The data transfer notice was accepted.\n" },
};

static char *
dup_note (const NoteRow *row,
          gboolean       with_operator)
{
  static const char * const de_fr[] = { "DE", "FR", NULL };
  g_autoptr(PvOperator) op = make_operator ("Telco", PV_OPERATOR_SERVICE_CALLING);
  g_autoptr(PvOperatorPlan) plan = make_plan (op, de_fr);
  PvContactDetails *contact = pv_operator_plan_get_contact (plan);

  pv_contact_details_set_full_name (contact, row->full_name);
  pv_contact_details_set_email (contact, row->email);
  pv_contact_details_set_phone (contact, row->phone);
  pv_contact_details_set_company_size (contact, row->company_size);
  pv_operator_plan_set_notice_accepted (plan, row->accepted);

  return pv_operator_plan_dup_operator_note (plan, with_operator ? op : NULL, row->tenant_id,
                                             row->organization);
}

static void
test_operator_note (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      g_autofree char *note = dup_note (&notes[i], FALSE);
      g_autofree char *same = dup_note (&notes[i], TRUE);

      g_test_message ("note %u", i);
      g_assert_true (g_utf8_validate (note, -1, NULL));
      g_assert_cmpstr (note, ==, notes[i].note);
      g_assert_cmpstr (same, ==, note);
    }
}

/* The operator the note is for wins over the plan's: after "Add as my
 * operator" the plan may have let go of it. */
static void
test_operator_note_operator (void)
{
  g_autoptr(PvOperator) added = make_operator ("Other Telco", 0);
  g_autoptr(PvOperatorPlan) plan = pv_operator_plan_new ();
  g_autofree char *note = pv_operator_plan_dup_operator_note (plan, added, TENANT, NULL);
  g_autofree char *no_operator = pv_operator_plan_dup_operator_note (plan, NULL, NULL, NULL);

  g_assert_true (g_str_has_prefix (note, "Operator Connect: Other Telco\n\n"));
  g_assert_nonnull (strstr (note, "\nCountries: \n\nContact: \nE-mail: \n\n"));
  g_assert_true (g_str_has_prefix (no_operator, "Operator Connect: \n\n"));
}

/* A very long value stays whole, on its one line. */
static void
test_operator_note_long (void)
{
  NoteRow row = notes[0];
  g_autofree char *name = NULL;
  g_autofree char *note = NULL;
  g_autofree char *line = NULL;
  g_auto(GStrv) lines = NULL;
  GString *long_name = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_name, i % 2 ? "é" : "x");
  name = g_string_free (long_name, FALSE);
  row.full_name = name;
  row.organization = name;

  note = dup_note (&row, FALSE);
  lines = g_strsplit (note, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 14);
  line = g_strconcat ("Contact: ", name, NULL);
  g_assert_true (g_strv_contains ((const char * const *) lines, line));
  g_clear_pointer (&line, g_free);
  line = g_strconcat ("Organization: ", name, NULL);
  g_assert_true (g_strv_contains ((const char * const *) lines, line));
}

static void
test_operator_note_fr (void)
{
  static const char * const expected[] = {
    "Operator Connect\u00a0: Telco",
    "ID de locataire\u00a0: " TENANT,
    "Organisation\u00a0: Contoso",
    /* fr.po has a plain space here, unlike the other lines. */
    "Pays : Allemagne (DE), France (FR)",
    "Contact\u00a0: Ann Lee",
    "Adresse e-mail\u00a0: ann.lee@contoso.com",
    "Taille de l’entreprise (employés)\u00a0: 51 à 250",
    "L’avis de transfert de données a été accepté.",
  };
  g_autofree char *note = NULL;
  g_auto(GStrv) lines = NULL;

  if (!run_in ("fr"))
    return;

  note = dup_note (&notes[0], FALSE);
  lines = g_strsplit (note, "\n", -1);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (!g_strv_contains ((const char * const *) lines, expected[i]))
      g_error ("the French note lacks “%s”:\n%s", expected[i], note);
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
  /* A child keeps the language run_in () gave it. */
  if (!g_test_subprocess ())
    g_setenv ("LANGUAGE", "en", TRUE);

  g_test_add_func ("/operator/company-sizes/en", test_company_sizes);
  g_test_add_func ("/operator/company-sizes/fr", test_company_sizes_fr);
  g_test_add_func ("/operator/regions/en", test_regions);
  g_test_add_func ("/operator/regions/fr", test_regions_fr);
  g_test_add_func ("/operator/labels/en", test_operator_labels);
  g_test_add_func ("/operator/labels/fr", test_operator_labels_fr);
  g_test_add_func ("/operator/unavailable-reason", test_unavailable_reason);
  g_test_add_func ("/operator/tenant-operators", test_tenant_operators);
  g_test_add_func ("/operator/country-texts", test_country_texts);
  g_test_add_func ("/operator/note", test_operator_note);
  g_test_add_func ("/operator/note/operator", test_operator_note_operator);
  g_test_add_func ("/operator/note/long", test_operator_note_long);
  g_test_add_func ("/operator/note/fr", test_operator_note_fr);

  return g_test_run ();
}
