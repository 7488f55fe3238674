/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "pv-csv.h"
#include "pv-user-list.h"

/* CSV user lists: the columns of provisio-cli sip, and rows that match no
 * user in the directory reported with their line. */

static GListModel *
directory (void)
{
  static const struct { const char *id; const char *upn; const char *mail; } people[] = {
    { "1", "jean.dupont@contoso.com", "jean.dupont@contoso.com" },
    { "3", "cagri@contoso.onmicrosoft.com", "cagri@contoso.com" },
    { "9", "ann.lee@contoso.com", NULL },
  };
  GListStore *store = g_list_store_new (PV_TYPE_USER);

  for (gsize i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(PvUser) user = pv_user_new ();

      pv_user_set_id (user, people[i].id);
      pv_user_set_user_principal_name (user, people[i].upn);
      pv_user_set_mail (user, people[i].mail);
      g_list_store_append (store, user);
    }
  return G_LIST_MODEL (store);
}

static PvUserList *
load (const char  *name,
      GError     **error)
{
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return pv_user_list_load (file, NULL, error);
}

static void
test_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvUserList) list = load ("users.csv", &error);
  GListModel *users;
  g_autoptr(PvUser) second = NULL;

  g_assert_no_error (error);
  users = pv_user_list_get_users (list);
  g_assert_cmpuint (g_list_model_get_n_items (users), ==, 9);
  second = g_list_model_get_item (users, 1);
  g_assert_cmpstr (pv_user_get_id (second), ==, "2");
  g_assert_cmpstr (pv_user_get_surname (second), ==, "de la Fontaine");
  g_assert_cmpstr (pv_user_get_given_name (second), ==, "Hélène");
  g_assert_cmpstr (pv_user_get_mail (second), ==, "");
  /* No such column: empty, like provisio-cli sip has always read it. */
  g_assert_cmpstr (pv_user_get_on_premises_sam_account_name (second), ==, "");
  g_assert_cmpuint (pv_user_list_get_line (list, 0), ==, 2);
  g_assert_cmpuint (pv_user_list_get_line (list, 8), ==, 10);
}

static void
test_match_reports_unmatched (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvUserList) list = load ("select-users.csv", &error);
  g_autoptr(GListModel) dir = directory ();
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GListModel) matched = NULL;
  g_autoptr(PvUser) first = NULL;
  g_autoptr(PvUser) second = NULL;

  g_assert_no_error (error);
  matched = pv_user_list_match (list, dir, &unmatched);

  /* Jean by UPN (twice, different case: once), Çağrı by mail. */
  g_assert_cmpuint (g_list_model_get_n_items (matched), ==, 2);
  first = g_list_model_get_item (matched, 0);
  second = g_list_model_get_item (matched, 1);
  g_assert_cmpstr (pv_user_get_id (first), ==, "1");
  g_assert_cmpstr (pv_user_get_id (second), ==, "3");

  g_assert_cmpuint (unmatched->len, ==, 2);
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 0), "select-users.csv, line 4:"));
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 0), "“ghost@contoso.com”"));
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 1), "select-users.csv, line 5:"));
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 1), "no id, userPrincipalName or mail"));
}

static void
test_match_by_id (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PvUserList) list = load ("users.csv", &error);
  g_autoptr(GListModel) dir = directory ();
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GListModel) matched = pv_user_list_match (list, dir, &unmatched);

  g_assert_cmpuint (g_list_model_get_n_items (matched), ==, 3);
  g_assert_cmpuint (unmatched->len, ==, 6);
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 0), "line 3:"));
  g_assert_nonnull (strstr (g_ptr_array_index (unmatched, 0), "“2”"));
}

static void
test_bad_files (void)
{
  static const struct {
    const char *text;
    const char * const *required;
    int code;
    const char *fragment;
  } cases[] = {
    { "displayName,department\nJean,Sales\n", NULL, PV_CSV_ERROR_MISSING_COLUMN,
      "needs an id, userPrincipalName or mail column" },
    { "", NULL, PV_CSV_ERROR_EMPTY, "empty" },
    { "id,mail\n1,\"open\n", NULL, PV_CSV_ERROR_QUOTE, "line 2" },
    { "id;mail;surname\n1;a@b.c;X\n", NULL, PV_CSV_ERROR_MISSING_COLUMN, "semicolons" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) data = g_bytes_new_static (cases[i].text, strlen (cases[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(PvUserList) list = pv_user_list_new_from_bytes (data, "list.csv",
                                                                cases[i].required, &error);

      g_test_message ("case %" G_GSIZE_FORMAT, i);
      g_assert_null (list);
      g_assert_error (error, PV_CSV_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "list.csv"));
      g_assert_nonnull (strstr (error->message, cases[i].fragment));
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
  g_autofree char *path = g_build_filename (PV_TEST_SRCDIR, "data", "users-ok.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PvUserList) list = NULL;

  pv_user_list_load_async (file, NULL, on_loaded, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  list = pv_user_list_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (pv_user_list_get_users (list)), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/user-list/read", test_read);
  g_test_add_func ("/user-list/match-reports-unmatched", test_match_reports_unmatched);
  g_test_add_func ("/user-list/match-by-id", test_match_by_id);
  g_test_add_func ("/user-list/bad-files", test_bad_files);
  g_test_add_func ("/user-list/async", test_async);

  return g_test_run ();
}
