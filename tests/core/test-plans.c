/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "provisio-core.h"

static PvUser *
make_user (const char *id,
           const char *given,
           const char *surname,
           const char *mail)
{
  PvUser *user = pv_user_new ();
  g_autofree char *display = g_strdup_printf ("%s %s", given ? given : "", surname ? surname : "");

  pv_user_set_id (user, id);
  pv_user_set_display_name (user, g_strstrip (display));
  pv_user_set_given_name (user, given);
  pv_user_set_surname (user, surname);
  pv_user_set_mail (user, mail);
  return user;
}

static PvPool *
make_pool (const char *fqdn,
           PvPoolKind  kind)
{
  PvPool *pool = pv_pool_new ();

  pv_pool_set_fqdn (pool, fqdn);
  pv_pool_set_kind (pool, kind);
  return pool;
}

static GListModel *
make_domains (void)
{
  GListStore *store = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(PvSipDomain) a = pv_sip_domain_new ();
  g_autoptr(PvSipDomain) b = pv_sip_domain_new ();

  pv_sip_domain_set_name (a, "fabrikam.com");
  pv_sip_domain_set_name (b, "contoso.com");
  pv_sip_domain_set_is_default (b, TRUE);
  g_list_store_append (store, a);
  g_list_store_append (store, b);
  return G_LIST_MODEL (store);
}

static void
assert_step (PvEnablePlan *plan,
             PvEnableStep  step,
             gboolean      complete,
             const char   *in_reason)
{
  g_autofree char *reason = NULL;
  gboolean ok = pv_enable_plan_get_step_status (plan, step, &reason);

  if (ok != complete)
    g_error ("step %s: expected %s, reason: %s", pv_enum_to_nick (PV_TYPE_ENABLE_STEP, step),
             complete ? "complete" : "incomplete", reason ? reason : "none");
  if (complete)
    g_assert_null (reason);
  else
    {
      g_assert_nonnull (reason);
      if (in_reason != NULL && strstr (reason, in_reason) == NULL)
        g_error ("reason “%s” does not mention “%s”", reason, in_reason);
    }
}

static void
count_changed (gpointer instance,
               guint   *count)
{
  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_enable_plan_steps (void)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(GListStore) users = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListModel) domains = make_domains ();
  g_autofree char *no_summary = pv_enable_plan_dup_summary (plan);
  g_autoptr(PvPool) director = make_pool ("dir01.contoso.com", PV_POOL_KIND_DIRECTOR);
  g_autoptr(PvPool) pool = make_pool ("pool01.contoso.com", PV_POOL_KIND_ENTERPRISE);
  g_autoptr(PvUser) jean = make_user ("1", "Jean", "Dupont", "jean.dupont@contoso.com");
  g_autoptr(PvUser) nomail = make_user ("2", "Ann", "Lee", NULL);
  GListModel *entries = pv_enable_plan_get_entries (plan);
  g_autoptr(PvEnableEntry) entry = NULL;
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);
  g_assert_null (no_summary);

  /* The documented default. */
  g_assert_cmpint (pv_enable_plan_get_format (plan), ==, PV_SIP_FORMAT_EMAIL);
  assert_step (plan, PV_ENABLE_STEP_WELCOME, TRUE, NULL);
  assert_step (plan, PV_ENABLE_STEP_SELECT_USERS, FALSE, "at least one");
  assert_step (plan, PV_ENABLE_STEP_SELECT_POOL, FALSE, "Enterprise pool");
  assert_step (plan, PV_ENABLE_STEP_READY, FALSE, "at least one");

  pv_enable_plan_set_selection (plan, G_LIST_MODEL (users));
  g_list_store_append (users, jean);
  g_assert_cmpuint (changed, >=, 2);
  assert_step (plan, PV_ENABLE_STEP_SELECT_USERS, TRUE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);

  pv_enable_plan_set_pool (plan, director);
  assert_step (plan, PV_ENABLE_STEP_SELECT_POOL, FALSE, "dir01.contoso.com is a Director");
  pv_enable_plan_set_pool (plan, pool);
  assert_step (plan, PV_ENABLE_STEP_SELECT_POOL, TRUE, NULL);

  /* No SIP domain known yet: no address can be checked. */
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "no SIP domain yet");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);

  pv_enable_plan_set_sip_domains (plan, domains);
  /* The default domain is chosen for the user. */
  g_assert_cmpstr (pv_enable_plan_get_domain (plan), ==, "contoso.com");
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, TRUE, NULL);
  assert_step (plan, PV_ENABLE_STEP_READY, TRUE, NULL);
  g_assert_true (pv_enable_plan_is_complete (plan, NULL));
  {
    g_autofree char *summary = pv_enable_plan_dup_summary (plan);
    g_autofree char *dry = NULL;

    /* How many, where, and how the addresses are made. */
    g_assert_cmpstr (summary, ==, "1 person will be enabled on pool01.contoso.com.\n"
                                  "SIP addresses are made from: e-mail address.");
    pv_enable_plan_set_dry_run (plan, TRUE);
    dry = pv_enable_plan_dup_summary (plan);
    g_assert_cmpstr (dry, ==, "Dry run: 1 person would be enabled on pool01.contoso.com; "
                              "nothing will be changed.\n"
                              "SIP addresses are made from: e-mail address.");
    pv_enable_plan_set_dry_run (plan, FALSE);
  }

  entry = g_list_model_get_item (entries, 0);
  g_assert_cmpstr (pv_enable_entry_get_address (entry), ==, "sip:jean.dupont@contoso.com");
  g_assert_cmpint (pv_enable_entry_get_status (entry), ==, PV_SIP_STATUS_OK);
  g_assert_cmpint (pv_enable_entry_get_problem (entry), ==, -1);

  /* A person without e-mail: a problem, counted, with the formats that work. */
  g_list_store_append (users, nomail);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "1 person has no usable SIP address");
  assert_step (plan, PV_ENABLE_STEP_READY, FALSE, "1 person");
  {
    g_autoptr(PvEnableEntry) e = g_list_model_get_item (entries, 1);
    g_assert_cmpint (pv_enable_entry_get_status (e), ==, PV_SIP_STATUS_PROBLEM);
    g_assert_cmpint (pv_enable_entry_get_problem (e), ==, PV_SIP_ERROR_NO_EMAIL);
    g_assert_nonnull (strstr (pv_enable_entry_get_hint (e), "first name.last name"));
  }

  /* An override for that person fixes it. */
  pv_enable_plan_set_override (plan, "2", "ann.lee@fabrikam.com");
  g_assert_cmpstr (pv_enable_plan_get_override (plan, "2"), ==, "ann.lee@fabrikam.com");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  assert_step (plan, PV_ENABLE_STEP_READY, TRUE, NULL);
  pv_enable_plan_set_override (plan, "2", NULL);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);

  /* Switching format recomputes in place: the same entry objects. */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  {
    g_autoptr(PvEnableEntry) same = g_list_model_get_item (entries, 0);
    g_assert_true (same == entry);
    g_assert_cmpstr (pv_enable_entry_get_address (same), ==, "sip:jean.dupont@contoso.com");
  }

  /* A mistyped domain is refused even though the server would take it. */
  pv_enable_plan_set_domain (plan, "contoso.con");
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "“contoso.con” is not one of the SIP");
  pv_enable_plan_set_domain (plan, NULL);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "Choose the SIP domain");
  pv_enable_plan_set_domain (plan, "fabrikam.com");
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, TRUE, NULL);

  /* Addresses in use make duplicates, reported with a suggestion. */
  {
    static const char * const in_use[] = { "sip:ann.lee@fabrikam.com", NULL };
    g_autoptr(PvEnableEntry) e = g_list_model_get_item (entries, 1);

    pv_enable_plan_set_existing_addresses (plan, in_use);
    g_assert_cmpint (pv_enable_entry_get_status (e), ==, PV_SIP_STATUS_DUPLICATE);
    g_assert_cmpstr (pv_enable_entry_get_suggestion (e), ==, "sip:ann.lee2@fabrikam.com");
    assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, NULL);
  }

  /* A user edited in place is picked up on refresh. */
  {
    g_autoptr(PvEnableEntry) e = g_list_model_get_item (entries, 0);

    pv_user_set_given_name (jean, "Jean-Luc");
    g_assert_cmpstr (pv_enable_entry_get_address (e), ==, "sip:jean.dupont@fabrikam.com");
    pv_enable_plan_refresh (plan);
    g_assert_cmpstr (pv_enable_entry_get_address (e), ==, "sip:jean-luc.dupont@fabrikam.com");
  }

  /* Removing people updates the entries. */
  g_list_store_remove (users, 1);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
}

static void
test_enable_plan_notify (void)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  guint count = 0;

  g_signal_connect (plan, "notify", G_CALLBACK (count_notify), &count);
  pv_enable_plan_set_dry_run (plan, TRUE);
  pv_enable_plan_set_dry_run (plan, TRUE);
  g_assert_cmpuint (count, ==, 1);
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_EMAIL);
  g_assert_cmpuint (count, ==, 1);
  g_object_set (plan, "format", PV_SIP_FORMAT_SAM, NULL);
  g_assert_cmpuint (count, ==, 2);
  pv_enable_plan_set_domain (plan, "contoso.com");
  pv_enable_plan_set_domain (plan, "contoso.com");
  g_assert_cmpuint (count, ==, 3);
  g_assert_true (pv_enable_plan_get_dry_run (plan));
}

static void
test_enable_plan_no_domains (void)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();

  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_SAM);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "no SIP domain");
}

static PvOperator *
make_operator (void)
{
  PvOperator *op = pv_operator_new ();
  static const char * const countries[] = { "FR", "DE", "ZZ", NULL };

  pv_operator_set_id (op, "op1");
  pv_operator_set_name (op, "Telco Europe");
  pv_operator_set_countries (op, countries);
  return op;
}

static void
assert_op_step (PvOperatorPlan *plan,
                PvOperatorStep  step,
                gboolean        complete,
                const char     *in_reason)
{
  g_autofree char *reason = NULL;
  gboolean ok = pv_operator_plan_get_step_status (plan, step, &reason);

  if (ok != complete)
    g_error ("step %s: expected %s, reason: %s", pv_enum_to_nick (PV_TYPE_OPERATOR_STEP, step),
             complete ? "complete" : "incomplete", reason ? reason : "none");
  if (!complete && in_reason != NULL && strstr (reason, in_reason) == NULL)
    g_error ("reason “%s” does not mention “%s”", reason, in_reason);
}

static void
test_operator_plan (void)
{
  g_autoptr(PvOperatorPlan) plan = pv_operator_plan_new ();
  g_autoptr(PvOperator) op = make_operator ();
  g_autoptr(PvOperator) other = pv_operator_new ();
  g_autoptr(GError) error = NULL;
  PvContactDetails *contact = pv_operator_plan_get_contact (plan);
  GListModel *available = pv_operator_plan_get_available_countries (plan);
  GListModel *countries = pv_operator_plan_get_countries (plan);
  static const char * const de_only[] = { "DE", NULL };
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &changed);

  assert_op_step (plan, PV_OPERATOR_STEP_CHOOSE_OPERATOR, FALSE, "Choose an operator");
  g_assert_false (pv_operator_plan_select_country (plan, "FR", &error));
  g_assert_error (error, PV_OPERATOR_PLAN_ERROR, PV_OPERATOR_PLAN_ERROR_NO_OPERATOR);
  g_clear_error (&error);

  pv_operator_plan_set_operator (plan, op);
  assert_op_step (plan, PV_OPERATOR_STEP_CHOOSE_OPERATOR, TRUE, NULL);
  /* Only the countries it serves, unknown codes left out, sorted by name:
   * France before Germany in English. */
  g_assert_cmpuint (g_list_model_get_n_items (available), ==, 2);
  {
    g_autoptr(PvCountry) first = g_list_model_get_item (available, 0);
    g_assert_cmpstr (pv_country_get_code (first), ==, "FR");
    g_assert_cmpstr (pv_country_get_name (first), ==, "France");
  }

  assert_op_step (plan, PV_OPERATOR_STEP_COUNTRIES, FALSE, "Telco Europe");
  g_assert_false (pv_operator_plan_select_country (plan, "US", &error));
  g_assert_error (error, PV_OPERATOR_PLAN_ERROR, PV_OPERATOR_PLAN_ERROR_NOT_SERVED);
  g_assert_nonnull (strstr (error->message, "United States"));
  g_clear_error (&error);
  g_assert_false (pv_operator_plan_select_country (plan, "ZZ", &error));
  g_clear_error (&error);
  g_assert_false (pv_operator_plan_select_country (plan, "\xff", &error));
  g_clear_error (&error);
  g_assert_false (pv_operator_plan_select_country (plan, NULL, &error));
  g_clear_error (&error);

  g_assert_true (pv_operator_plan_select_country (plan, "DE", &error));
  g_assert_true (pv_operator_plan_select_country (plan, "FR", &error));
  g_assert_true (pv_operator_plan_select_country (plan, "FR", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 2);
  g_assert_true (pv_operator_plan_has_country (plan, "DE"));
  assert_op_step (plan, PV_OPERATOR_STEP_COUNTRIES, TRUE, NULL);

  /* Another operator keeps only what it serves too. */
  pv_operator_set_name (other, "Telco DE");
  pv_operator_set_countries (other, de_only);
  pv_operator_plan_set_operator (plan, other);
  g_assert_cmpuint (g_list_model_get_n_items (countries), ==, 1);
  g_assert_false (pv_operator_plan_has_country (plan, "FR"));
  pv_operator_plan_unselect_country (plan, "DE");
  assert_op_step (plan, PV_OPERATOR_STEP_COUNTRIES, FALSE, "Telco DE");
  pv_operator_plan_set_operator (plan, op);
  g_assert_true (pv_operator_plan_select_country (plan, "FR", NULL));

  /* The operator's own list changing (a refresh from the service) is
   * followed. */
  {
    static const char * const fr_only[] = { "FR", NULL };
    static const char * const de_es[] = { "DE", "ES", NULL };

    pv_operator_set_countries (op, fr_only);
    g_assert_cmpuint (g_list_model_get_n_items (available), ==, 1);
    g_assert_true (pv_operator_plan_has_country (plan, "FR"));
    pv_operator_set_countries (op, de_es);
    g_assert_false (pv_operator_plan_has_country (plan, "FR"));
    assert_op_step (plan, PV_OPERATOR_STEP_COUNTRIES, FALSE, NULL);
    pv_operator_set_countries (op, fr_only);
    g_assert_true (pv_operator_plan_select_country (plan, "FR", NULL));
  }

  /* Contact details: prefilled, company size required, phone optional. */
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, FALSE, "full name");
  pv_operator_plan_prefill_contact (plan, "Ann Lee", "ann.lee@contoso.com");
  pv_operator_plan_prefill_contact (plan, "Someone Else", "else@contoso.com");
  g_assert_cmpstr (pv_contact_details_get_full_name (contact), ==, "Ann Lee");
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, FALSE, "company size");
  pv_contact_details_set_company_size (contact, 250);
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, TRUE, NULL);
  pv_contact_details_set_phone (contact, "01 42 68 53 00");
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, FALSE, "+");
  pv_contact_details_set_phone (contact, "+33142685300");
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, TRUE, NULL);
  pv_contact_details_set_email (contact, "ann.lee");
  assert_op_step (plan, PV_OPERATOR_STEP_CONTACT, FALSE, "@");
  pv_contact_details_set_email (contact, "ann.lee@contoso.com");

  /* The notice must be accepted; the review sums everything up. */
  assert_op_step (plan, PV_OPERATOR_STEP_NOTICE, FALSE, "data transfer notice");
  assert_op_step (plan, PV_OPERATOR_STEP_REVIEW, FALSE, "data transfer notice");
  pv_operator_plan_set_notice_accepted (plan, TRUE);
  assert_op_step (plan, PV_OPERATOR_STEP_REVIEW, TRUE, NULL);
  g_assert_true (pv_operator_plan_is_complete (plan, NULL));
  {
    g_autofree char *summary = pv_operator_plan_dup_summary (plan);
    g_autofree char *two = NULL;
    static const char * const fr_de[] = { "FR", "DE", NULL };

    g_assert_cmpstr (summary, ==, "Telco Europe will be added as your operator in this country: "
                                  "France.");
    pv_operator_set_countries (op, fr_de);
    g_assert_true (pv_operator_plan_select_country (plan, "DE", NULL));
    two = pv_operator_plan_dup_summary (plan);
    g_assert_cmpstr (two, ==, "Telco Europe will be added as your operator in these countries: "
                              "France, Germany.");
  }
  g_assert_cmpuint (changed, >, 10);

  {
    g_autofree char *notice = pv_operator_plan_dup_notice_text (plan);
    g_assert_nonnull (strstr (notice, "Telco Europe"));
    g_assert_nonnull (strstr (notice, "emergency location"));
  }
}

static void
test_enable_plan_skip_problems (void)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListModel) domains = make_domains ();
  g_autoptr(PvPool) pool = make_pool ("pool01.contoso.com", PV_POOL_KIND_ENTERPRISE);
  g_autoptr(PvUser) with_mail = make_user ("1", "Jean", "Dupont", "jean.dupont@contoso.com");
  g_autoptr(PvUser) without_mail = make_user ("2", "Marie", "Curie", NULL);
  g_autofree char *summary = NULL;

  g_list_store_append (selection, with_mail);
  g_list_store_append (selection, without_mail);
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));
  pv_enable_plan_set_sip_domains (plan, domains);
  pv_enable_plan_set_pool (plan, pool);

  /* One person has no e-mail address: the step waits for a decision. */
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "1 person has no usable SIP address");
  g_assert_cmpuint (pv_enable_plan_get_n_to_enable (plan), ==, 2);

  /* Skipping that person lets the others go on, and the summary says so. */
  pv_enable_plan_set_skip_problems (plan, TRUE);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, TRUE, NULL);
  g_assert_cmpuint (pv_enable_plan_get_n_to_enable (plan), ==, 1);
  summary = pv_enable_plan_dup_summary (plan);
  g_assert_cmpstr (summary, ==, "1 person will be enabled on pool01.contoso.com.\n"
                                "SIP addresses are made from: e-mail address.\n"
                                "1 person is skipped, having no usable SIP address.");

  /* Skipping everyone would leave nothing to do. */
  g_list_store_remove (selection, 0);
  assert_step (plan, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "Nobody in the selection");
}

/* Deferred, the plan records changes and says so, but works addresses out
 * only once it is no longer deferred. */
static void
test_enable_plan_deferred (void)
{
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListModel) domains = make_domains ();
  g_autoptr(PvUser) with_mail = make_user ("1", "Jean", "Dupont", "jean.dupont@contoso.com");
  g_autoptr(PvUser) without_mail = make_user ("2", "Marie", "Curie", NULL);
  g_autoptr(PvEnableEntry) entry = NULL;
  guint n_changed = 0;

  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));
  pv_enable_plan_set_sip_domains (plan, domains);
  g_signal_connect (plan, "changed", G_CALLBACK (count_changed), &n_changed);

  pv_enable_plan_set_deferred (plan, TRUE);
  g_assert_true (pv_enable_plan_get_deferred (plan));
  g_list_store_append (selection, with_mail);
  g_list_store_append (selection, without_mail);
  g_assert_cmpuint (n_changed, ==, 2);
  /* Nothing worked out yet: no problem counted, no address. */
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  entry = g_list_model_get_item (pv_enable_plan_get_entries (plan), 0);
  g_assert_null (pv_enable_entry_get_address (entry));
  g_clear_object (&entry);

  pv_enable_plan_set_deferred (plan, FALSE);
  g_assert_false (pv_enable_plan_get_deferred (plan));
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);
  entry = g_list_model_get_item (pv_enable_plan_get_entries (plan), 0);
  g_assert_cmpstr (pv_enable_entry_get_address (entry), ==, "sip:jean.dupont@contoso.com");

  /* No longer deferred, changes are worked out at once again. */
  g_list_store_remove (selection, 1);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);

  /* Leaving the deferred state with nothing changed costs nothing. */
  pv_enable_plan_set_deferred (plan, TRUE);
  pv_enable_plan_set_deferred (plan, FALSE);
  g_assert_cmpuint (n_changed, ==, 4);
}

/* A selection with what the threaded passes must get right: namesakes
 * (duplicates with a suggestion), people without an e-mail address
 * (problems), and the others. */
static GListStore *
make_crowd (guint n)
{
  GListStore *store = g_list_store_new (PV_TYPE_USER);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("u%u", i);
      g_autofree char *given = g_strdup_printf ("Jean%u", i / 3);
      g_autofree char *mail = g_strdup_printf ("person%u@contoso.com", i);
      g_autoptr(PvUser) user = make_user (id, given, "Dupont", i % 7 == 6 ? NULL : mail);

      g_list_store_append (store, user);
    }
  return store;
}

static void
wait_resolved (PvEnablePlan *plan)
{
  while (pv_enable_plan_get_resolving (plan))
    g_main_context_iteration (NULL, TRUE);
}

/* The addresses, statuses and suggestions of every entry, one a line. */
static char *
dump_entries (PvEnablePlan *plan)
{
  GListModel *entries = pv_enable_plan_get_entries (plan);
  GString *dump = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (entries, i);

      g_string_append_printf (dump, "%s %s %d %s %s\n",
                              pv_user_get_id (pv_enable_entry_get_user (entry)),
                              pv_enable_entry_get_address (entry) ? pv_enable_entry_get_address (entry) : "-",
                              pv_enable_entry_get_status (entry),
                              pv_enable_entry_get_suggestion (entry) ? pv_enable_entry_get_suggestion (entry) : "-",
                              pv_enable_entry_get_message (entry) ? pv_enable_entry_get_message (entry) : "-");
    }
  return g_string_free (dump, FALSE);
}

static PvEnablePlan *
make_crowd_plan (GListStore *selection,
                 GListModel *domains,
                 guint       threshold)
{
  PvEnablePlan *plan = pv_enable_plan_new ();

  pv_enable_plan_set_thread_threshold (plan, threshold);
  pv_enable_plan_set_sip_domains (plan, domains);
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));
  return plan;
}

/* Worked out in a thread, the plan gives what it gives at once: the same
 * addresses, duplicates, suggestions, overrides and problems; Next waits
 * meanwhile. */
static void
test_enable_plan_threaded (void)
{
  g_autoptr(GListStore) selection = make_crowd (300);
  g_autoptr(GListModel) domains = make_domains ();
  g_autoptr(PvEnablePlan) threaded = make_crowd_plan (selection, domains, 1);
  g_autoptr(PvEnablePlan) at_once = make_crowd_plan (selection, domains, G_MAXUINT);
  PvEnablePlan *plans[] = { threaded, at_once };
  g_autofree char *duplicate = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;

  /* The first pass rebuilds every entry in the thread. */
  g_assert_true (pv_enable_plan_get_resolving (threaded));
  assert_step (threaded, PV_ENABLE_STEP_SIGN_IN_NAME, FALSE, "being worked out");
  g_assert_false (pv_enable_plan_get_resolving (at_once));
  wait_resolved (threaded);
  g_assert_cmpuint (g_list_model_get_n_items (pv_enable_plan_get_entries (threaded)), ==, 300);
  g_assert_cmpuint (pv_enable_plan_get_n_problems (threaded), ==, pv_enable_plan_get_n_problems (at_once));
  g_assert_cmpuint (pv_enable_plan_get_n_problems (threaded), ==, 42);
  expected = dump_entries (at_once);
  got = dump_entries (threaded);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* Then the entries are updated in place: namesakes collide, one is
   * given an address by hand, and those left with a problem skipped. */
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      pv_enable_plan_set_format (plans[i], PV_SIP_FORMAT_FIRST_LAST);
      pv_enable_plan_set_override (plans[i], "u1", "sip:jean0.dupont.bis@contoso.com");
      pv_enable_plan_set_skip_problems (plans[i], TRUE);
    }
  g_assert_true (pv_enable_plan_get_resolving (threaded));
  wait_resolved (threaded);
  expected = dump_entries (at_once);
  got = dump_entries (threaded);
  g_assert_cmpstr (got, ==, expected);
  g_assert_nonnull (strstr (got, "u1 sip:jean0.dupont.bis@contoso.com"));
  duplicate = g_strdup_printf ("u2 sip:jean0.dupont@contoso.com %d sip:jean0.dupont2@contoso.com",
                               PV_SIP_STATUS_DUPLICATE);
  g_assert_nonnull (strstr (got, duplicate));
  g_assert_cmpuint (pv_enable_plan_get_n_problems (threaded), ==, pv_enable_plan_get_n_problems (at_once));
  g_assert_cmpuint (pv_enable_plan_get_n_problems (threaded), >, 0);
  g_assert_cmpuint (pv_enable_plan_get_n_to_enable (threaded), ==, pv_enable_plan_get_n_to_enable (at_once));
  assert_step (threaded, PV_ENABLE_STEP_SIGN_IN_NAME, TRUE, NULL);
}

static void
count_resolved (GObject    *object,
                GParamSpec *pspec,
                guint      *count)
{
  if (!pv_enable_plan_get_resolving (PV_ENABLE_PLAN (object)))
    (*count)++;
}

static void
record_address (GObject    *object,
                GParamSpec *pspec,
                GPtrArray  *seen)
{
  const char *address = pv_enable_entry_get_address (PV_ENABLE_ENTRY (object));

  if (address != NULL)
    g_ptr_array_add (seen, g_strdup (address));
}

typedef struct
{
  PvEnablePlan *plan;
  guint         n_changes;
} ChangeDuringApply;

/* The first entry that changes changes the plan again: the pass being
 * applied must stop there, and the next one take over. */
static void
change_during_apply (GObject           *object,
                     GParamSpec        *pspec,
                     ChangeDuringApply *change)
{
  if (change->n_changes++ == 0)
    pv_enable_plan_set_format (change->plan, PV_SIP_FORMAT_UPN);
}

/* A change while addresses are worked out cancels that pass: what the
 * plan ends with is the result of the last change only, and the pages
 * hear of one result. */
static void
test_enable_plan_restart (void)
{
  g_autoptr(GListStore) selection = make_crowd (300);
  g_autoptr(GListModel) domains = make_domains ();
  g_autoptr(PvEnablePlan) plan = make_crowd_plan (selection, domains, 1);
  g_autoptr(PvEnablePlan) at_once = make_crowd_plan (selection, domains, G_MAXUINT);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(PvEnableEntry) first = NULL;
  ChangeDuringApply change = { plan, 0 };
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  guint n_resolved = 0;
  gulong id;

  wait_resolved (plan);
  g_signal_connect (plan, "notify::resolving", G_CALLBACK (count_resolved), &n_resolved);
  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (pv_enable_plan_get_entries (plan), i);
      g_signal_connect (entry, "notify::address", G_CALLBACK (record_address), seen);
    }

  /* Three changes in a row, before any pass can finish. */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  pv_enable_plan_set_domain (plan, "fabrikam.com");
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_UPN);
  g_assert_true (pv_enable_plan_get_resolving (plan));
  wait_resolved (plan);
  g_assert_cmpuint (n_resolved, ==, 1);
  /* No address of an overtaken pass ever reached an entry. */
  for (guint i = 0; i < seen->len; i++)
    g_assert_null (strstr (g_ptr_array_index (seen, i), "dupont"));

  pv_enable_plan_set_format (at_once, PV_SIP_FORMAT_UPN);
  pv_enable_plan_set_domain (at_once, "fabrikam.com");
  expected = dump_entries (at_once);
  got = dump_entries (plan);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* A change made while the results are being applied, from a handler
   * of an entry: the rest of that pass is dropped. */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  first = g_list_model_get_item (pv_enable_plan_get_entries (plan), 0);
  id = g_signal_connect (first, "notify::address", G_CALLBACK (change_during_apply), &change);
  n_resolved = 0;
  wait_resolved (plan);
  g_signal_handler_disconnect (first, id);
  g_assert_cmpuint (change.n_changes, >, 0);
  g_assert_cmpuint (n_resolved, ==, 1);
  g_assert_cmpint (pv_enable_plan_get_format (plan), ==, PV_SIP_FORMAT_UPN);
  expected = dump_entries (at_once);
  got = dump_entries (plan);
  g_assert_cmpstr (got, ==, expected);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);

  /* A new selection while a pass runs: the entries follow the last one. */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_EMAIL);
  g_list_store_remove (selection, 0);
  g_assert_true (pv_enable_plan_get_resolving (plan));
  wait_resolved (plan);
  pv_enable_plan_set_format (at_once, PV_SIP_FORMAT_EMAIL);
  expected = dump_entries (at_once);
  got = dump_entries (plan);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (g_list_model_get_n_items (pv_enable_plan_get_entries (plan)), ==, 299);

  /* Flushing while a pass runs gives the result at once. */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_UPN);
  g_assert_true (pv_enable_plan_get_resolving (plan));
  pv_enable_plan_flush (plan);
  g_assert_false (pv_enable_plan_get_resolving (plan));
  pv_enable_plan_set_format (at_once, PV_SIP_FORMAT_UPN);
  g_clear_pointer (&expected, g_free);
  g_clear_pointer (&got, g_free);
  expected = dump_entries (at_once);
  got = dump_entries (plan);
  g_assert_cmpstr (got, ==, expected);

  /* A plan that goes away with a pass under way leaves nothing behind
   * (the sanitizer build checks). */
  pv_enable_plan_set_format (plan, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_true (pv_enable_plan_get_resolving (plan));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/plans/enable/steps", test_enable_plan_steps);
  g_test_add_func ("/plans/enable/notify", test_enable_plan_notify);
  g_test_add_func ("/plans/enable/no-domains", test_enable_plan_no_domains);
  g_test_add_func ("/plans/enable/skip-problems", test_enable_plan_skip_problems);
  g_test_add_func ("/plans/enable/deferred", test_enable_plan_deferred);
  g_test_add_func ("/plans/enable/threaded", test_enable_plan_threaded);
  g_test_add_func ("/plans/enable/restart", test_enable_plan_restart);
  g_test_add_func ("/plans/operator", test_operator_plan);

  return g_test_run ();
}
