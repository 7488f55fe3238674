/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-numbers-model.h"

/* PvNumbersModel without a service or a display: the filters, the search
 * and the selection by number, as tables over a few numbers put in its
 * lists by hand. */

static const struct
{
  const char     *tel;
  PvNumberType    type;
  const char     *operator_id;
  const char     *country;
  PvNumberStatus  status;
  const char     *person;
} numbers[] = {
  { "+33 1 80 00 00 01", PV_NUMBER_TYPE_OPERATOR_CONNECT, "orange", "FR", PV_NUMBER_STATUS_UNASSIGNED, NULL },
  { "+33180000002", PV_NUMBER_TYPE_OPERATOR_CONNECT, "orange", "FR", PV_NUMBER_STATUS_ASSIGNED, "u-helene" },
  { "+49309000000", PV_NUMBER_TYPE_OPERATOR_CONNECT, "telekom", "DE", PV_NUMBER_STATUS_ASSIGNED, "u-jose" },
  { "+49309000001", PV_NUMBER_TYPE_OPERATOR_CONNECT, "telekom", "DE", PV_NUMBER_STATUS_PENDING, NULL },
  { "+12065550100", PV_NUMBER_TYPE_CALLING_PLAN, NULL, "US", PV_NUMBER_STATUS_UNASSIGNED, NULL },
  { "+12065550133", PV_NUMBER_TYPE_DIRECT_ROUTING, NULL, "US", PV_NUMBER_STATUS_ASSIGNED, "u-anna" },
};

static const struct
{
  const char *id, *name, *upn;
} people[] = {
  { "u-helene", "Hélène Rousseau", "helene.rousseau@contoso.example" },
  { "u-jose", "José García-López", "jose.garcia@contoso.example" },
  { "u-anna", "Anna Schmidt", "anna.schmidt@contoso.example" },
};

static PvNumbersModel *
new_model (void)
{
  PvNumbersModel *model = pv_numbers_model_new ();
  GListStore *store;

  store = G_LIST_STORE (pv_numbers_model_get_people (model));
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(PvUser) person = pv_user_new ();

      pv_user_set_id (person, people[i].id);
      pv_user_set_display_name (person, people[i].name);
      pv_user_set_user_principal_name (person, people[i].upn);
      g_list_store_append (store, person);
    }

  store = G_LIST_STORE (pv_numbers_model_get_operators (model));
  {
    g_autoptr(PvOperator) orange = pv_operator_new ();
    g_autoptr(PvOperator) telekom = pv_operator_new ();

    pv_operator_set_id (orange, "orange");
    pv_operator_set_name (orange, "Orange Business");
    pv_operator_set_id (telekom, "telekom");
    pv_operator_set_name (telekom, "Deutsche Telekom");
    g_list_store_append (store, orange);
    g_list_store_append (store, telekom);
  }

  store = G_LIST_STORE (pv_numbers_model_get_numbers (model));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(PvPhoneNumber) number = pv_phone_number_new ();

      pv_phone_number_set_telephone_number (number, numbers[i].tel);
      pv_phone_number_set_number_type (number, numbers[i].type);
      pv_phone_number_set_operator_id (number, numbers[i].operator_id);
      pv_phone_number_set_country_code (number, numbers[i].country);
      pv_phone_number_set_status (number, numbers[i].status);
      pv_phone_number_set_assigned_user_id (number, numbers[i].person);
      g_list_store_append (store, number);
    }
  return model;
}

/* The numbers the model lets through, as one string. */
static char *
shown (PvNumbersModel *model)
{
  GListModel *list = pv_numbers_model_get_numbers (model);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (list, i);

      if (pv_numbers_model_matches (model, number))
        g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "",
                                pv_phone_number_get_telephone_number (number));
    }
  return g_string_free (text, FALSE);
}

static void
record_change (PvNumbersModel *model,
               guint           change,
               gpointer        data)
{
  *(int *) data = (int) change;
}

static void
test_filters (void)
{
  static const struct
  {
    int            type;
    const char    *operator_id;
    const char    *country;
    PvNumbersShow  show;
    const char    *expected;
    int            change;  /* PvNumbersChange, or -1 for none */
  } cases[] = {
    { -1, NULL, NULL, PV_NUMBERS_SHOW_ANY,
      "+33 1 80 00 00 01 +33180000002 +49309000000 +49309000001 +12065550100 +12065550133", -1 },
    { PV_NUMBER_TYPE_OPERATOR_CONNECT, NULL, NULL, PV_NUMBERS_SHOW_ANY,
      "+33 1 80 00 00 01 +33180000002 +49309000000 +49309000001", PV_NUMBERS_CHANGE_MORE_STRICT },
    { PV_NUMBER_TYPE_OPERATOR_CONNECT, "telekom", NULL, PV_NUMBERS_SHOW_ANY,
      "+49309000000 +49309000001", PV_NUMBERS_CHANGE_MORE_STRICT },
    { PV_NUMBER_TYPE_OPERATOR_CONNECT, "telekom", NULL, PV_NUMBERS_SHOW_NOT_ASSIGNED,
      "+49309000001", PV_NUMBERS_CHANGE_MORE_STRICT },
    { PV_NUMBER_TYPE_OPERATOR_CONNECT, "telekom", NULL, PV_NUMBERS_SHOW_PENDING,
      "+49309000001", PV_NUMBERS_CHANGE_MORE_STRICT },
    { PV_NUMBER_TYPE_OPERATOR_CONNECT, "orange", NULL, PV_NUMBERS_SHOW_PENDING,
      "", PV_NUMBERS_CHANGE_DIFFERENT },
    { -1, NULL, NULL, PV_NUMBERS_SHOW_UNASSIGNED,
      "+33 1 80 00 00 01 +12065550100", PV_NUMBERS_CHANGE_DIFFERENT },
    { -1, NULL, "US", PV_NUMBERS_SHOW_ANY,
      "+12065550100 +12065550133", PV_NUMBERS_CHANGE_DIFFERENT },
    { -1, NULL, NULL, PV_NUMBERS_SHOW_ANY,
      "+33 1 80 00 00 01 +33180000002 +49309000000 +49309000001 +12065550100 +12065550133",
      PV_NUMBERS_CHANGE_LESS_STRICT },
    { -1, NULL, NULL, PV_NUMBERS_SHOW_ASSIGNED,
      "+33180000002 +49309000000 +12065550133", PV_NUMBERS_CHANGE_MORE_STRICT },
  };
  g_autoptr(PvNumbersModel) model = new_model ();
  int change = -1;

  g_signal_connect (model, "filter-changed", G_CALLBACK (record_change), &change);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = NULL;

      change = -1;
      pv_numbers_model_set_filters (model, cases[i].type, cases[i].operator_id, cases[i].country,
                                    cases[i].show);
      result = shown (model);
      g_test_message ("case %u", i);
      g_assert_cmpstr (result, ==, cases[i].expected);
      g_assert_cmpint (change, ==, cases[i].change);
    }
}

static void
test_search (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
    int         change;  /* PvNumbersChange, or -1 for none */
  } cases[] = {
    /* Digits, whatever separates them, in the number only. */
    { "33 1 80", "+33 1 80 00 00 01 +33180000002", PV_NUMBERS_CHANGE_DIFFERENT },
    { "+33-180-000-001", "+33 1 80 00 00 01", PV_NUMBERS_CHANGE_MORE_STRICT },
    { "(206) 555", "+12065550100 +12065550133", PV_NUMBERS_CHANGE_DIFFERENT },
    /* Words: people by name or address, with or without accents. */
    { "garcia", "+49309000000", PV_NUMBERS_CHANGE_DIFFERENT },
    { "GARCÍA-L", "+49309000000", PV_NUMBERS_CHANGE_DIFFERENT },
    { "helene.rousseau", "+33180000002", PV_NUMBERS_CHANGE_DIFFERENT },
    /* Operators and countries. */
    { "deutsche", "+49309000000 +49309000001", PV_NUMBERS_CHANGE_DIFFERENT },
    { "ORANGE", "+33 1 80 00 00 01 +33180000002", PV_NUMBERS_CHANGE_DIFFERENT },
    { "france", "+33 1 80 00 00 01 +33180000002", PV_NUMBERS_CHANGE_DIFFERENT },
    { "fr", "+33 1 80 00 00 01 +33180000002", PV_NUMBERS_CHANGE_LESS_STRICT },
    { "no such thing", "", PV_NUMBERS_CHANGE_DIFFERENT },
    { "  ", "+33 1 80 00 00 01 +33180000002 +49309000000 +49309000001 +12065550100 +12065550133",
      PV_NUMBERS_CHANGE_DIFFERENT },
    { "", "+33 1 80 00 00 01 +33180000002 +49309000000 +49309000001 +12065550100 +12065550133", -1 },
  };
  g_autoptr(PvNumbersModel) model = new_model ();
  int change = -1;

  g_signal_connect (model, "filter-changed", G_CALLBACK (record_change), &change);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *result = NULL;

      change = -1;
      pv_numbers_model_set_search (model, cases[i].text);
      result = shown (model);
      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_cmpstr (result, ==, cases[i].expected);
      g_assert_cmpint (change, ==, cases[i].change);
    }
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    data)
{
  (*(guint *) data)++;
}

/* The selection is a number: filters, new pages and a replaced state
 * leave it on that number, and its state is the latest one. */
static void
test_selection (void)
{
  g_autoptr(PvNumbersModel) model = new_model ();
  GListStore *store = G_LIST_STORE (pv_numbers_model_get_numbers (model));
  g_autoptr(PvPhoneNumber) page = pv_phone_number_new ();
  g_autoptr(PvPhoneNumber) updated = pv_phone_number_new ();
  PvPhoneNumber *old;
  guint notified = 0;
  guint position;

  g_assert_null (pv_numbers_model_get_selected (model));
  g_signal_connect (model, "notify::selected", G_CALLBACK (count_notify), &notified);

  pv_numbers_model_select (model, "+49309000000");
  g_assert_cmpuint (notified, ==, 1);
  old = pv_numbers_model_get_selected (model);
  g_assert_nonnull (old);
  g_assert_cmpstr (pv_phone_number_get_telephone_number (old), ==, "+49309000000");

  /* A filter that hides it, a search, then a page in front of it. */
  pv_numbers_model_set_filters (model, -1, "orange", NULL, PV_NUMBERS_SHOW_ANY);
  pv_numbers_model_set_search (model, "33");
  pv_phone_number_set_telephone_number (page, "+33180009999");
  g_list_store_insert (store, 0, page);
  g_assert_cmpstr (pv_numbers_model_get_selected_number (model), ==, "+49309000000");
  g_assert_true (pv_numbers_model_get_selected (model) == old);
  g_assert_cmpuint (notified, ==, 1);

  /* Selecting the same number again changes nothing. */
  pv_numbers_model_select (model, "+49309000000");
  g_assert_cmpuint (notified, ==, 1);

  /* A number not (yet) loaded can be selected: it is found when it comes. */
  pv_numbers_model_select (model, "+4930900009");
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (pv_numbers_model_get_selected (model));
  pv_phone_number_set_telephone_number (updated, "+4930900009");
  g_list_store_append (store, updated);
  g_assert_cmpuint (notified, ==, 3);
  g_assert_true (pv_numbers_model_get_selected (model) == updated);
  g_assert_true (pv_numbers_model_lookup (model, "+4930900009") == updated);

  pv_numbers_model_select (model, NULL);
  g_assert_null (pv_numbers_model_get_selected (model));
  g_assert_null (pv_numbers_model_get_selected_number (model));

  /* The order of the list stays as it was. */
  g_assert_true (g_list_store_find (store, old, &position));
  g_assert_cmpuint (position, ==, 3);
}

/* What the service would refuse is said before asking it. */
static void
test_check_assignment (void)
{
  g_autoptr(PvNumbersModel) model = new_model ();
  g_autoptr(PvUser) anna = g_list_model_get_item (pv_numbers_model_get_people (model), 2);
  g_autofree char *taken = pv_numbers_model_check_assignment (model, "+33180000002", anna);
  g_autofree char *pending = pv_numbers_model_check_assignment (model, "+49309000001", anna);
  g_autofree char *unknown = pv_numbers_model_check_assignment (model, "+440000", anna);

  g_assert_nonnull (strstr (taken, "already assigned to Hélène Rousseau"));
  g_assert_nonnull (strstr (pending, "pending"));
  g_assert_nonnull (strstr (unknown, "+440000"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/numbers-model/filters", test_filters);
  g_test_add_func ("/numbers-model/search", test_search);
  g_test_add_func ("/numbers-model/selection", test_selection);
  g_test_add_func ("/numbers-model/check-assignment", test_check_assignment);

  return g_test_run ();
}
