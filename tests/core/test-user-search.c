/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "provisio-core.h"

/* PvUserSearch against a plain reading of what it must show: after any
 * sequence of keystrokes, kinds and pages of the directory, once nothing
 * is pending, the list holds exactly the people who match, in directory
 * order, and its items-changed signals told a watcher as much. */

static const char *names[] = {
  "Jean Dupont", "Çağrı Şahin", "Marie Martin", "Søren Sørensen", "Zoë Durand",
  "Aoife O’Neill", "Sorina Soare", "Élodie Léger", "Paul Soren", "Ana Sousa",
};

static PvUser *
make_person (guint i)
{
  PvUser *user = pv_user_new ();
  g_autofree char *id = g_strdup_printf ("u%u", i);
  g_autofree char *display = g_strdup_printf ("%s %u", names[i % G_N_ELEMENTS (names)], i / 10);
  g_autofree char *upn = g_strdup_printf ("user%u@contoso.com", i);
  g_autofree char *mail = g_strdup_printf ("p%u.mail@fabrikam.com", i);

  pv_user_set_id (user, id);
  pv_user_set_display_name (user, display);
  pv_user_set_user_principal_name (user, upn);
  if (i % 5 != 0)
    pv_user_set_mail (user, mail);
  if (i % 4 == 0)
    pv_user_set_sip_address (user, "sip:someone@contoso.com");
  pv_user_set_on_premises_sync_enabled (user, i % 3 == 0);
  return user;
}

static gboolean
field_matches (const char *field,
               const char *folded_query)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *ascii_query = NULL;

  if (field == NULL)
    return FALSE;
  folded = g_utf8_casefold (field, -1);
  ascii = g_str_to_ascii (folded, NULL);
  ascii_query = g_str_to_ascii (folded_query, NULL);
  return strstr (folded, folded_query) != NULL || strstr (ascii, folded_query) != NULL ||
         strstr (ascii, ascii_query) != NULL;
}

static gboolean
reference_matches (PvUser           *user,
                   const char       *text,
                   PvUserSearchKind  kind)
{
  gboolean enabled = pv_user_get_sip_address (user) != NULL;
  gboolean synced = pv_user_get_on_premises_sync_enabled (user);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *query = NULL;

  if ((kind == PV_USER_SEARCH_NOT_ENABLED && enabled) || (kind == PV_USER_SEARCH_ENABLED && !enabled) ||
      (kind == PV_USER_SEARCH_SYNCHRONISED && !synced) || (kind == PV_USER_SEARCH_CLOUD_ONLY && synced))
    return FALSE;
  if (*stripped == '\0')
    return TRUE;
  query = g_utf8_casefold (stripped, -1);
  return field_matches (pv_user_get_display_name (user), query) ||
         field_matches (pv_user_get_mail (user), query) ||
         field_matches (pv_user_get_user_principal_name (user), query);
}

/* What a list view would hold, kept from items-changed alone. */
static void
mirror_cb (GListModel *model,
           guint       position,
           guint       removed,
           guint       added,
           GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
settle (PvUserSearch *search)
{
  while (pv_user_search_get_pending (search) > 0)
    g_main_context_iteration (NULL, TRUE);
  /* Keys of people no search waits for may still be on their way. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
assert_shows (PvUserSearch *search,
              GListStore   *directory,
              GPtrArray    *mirror,
              const char   *text,
              PvUserSearchKind kind)
{
  GListModel *model = G_LIST_MODEL (search);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (directory));
  guint shown = 0;

  settle (search);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (directory), i);

      if (!reference_matches (user, text, kind))
        continue;
      if (shown >= g_list_model_get_n_items (model))
        g_error ("“%s”, kind %d: %s is missing", text, kind, pv_user_get_display_name (user));
      {
        g_autoptr(PvUser) item = g_list_model_get_item (model, shown);
        if (item != user)
          g_error ("“%s”, kind %d: %s shown where %s was expected", text, kind,
                   pv_user_get_display_name (item), pv_user_get_display_name (user));
      }
      g_assert_true (g_ptr_array_index (mirror, shown) == user);
      shown++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, shown);
  g_assert_cmpuint (mirror->len, ==, shown);
}

static void
append_page (GListStore *directory,
             guint       first,
             guint       n)
{
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i++)
    g_ptr_array_add (page, make_person (i));
  g_list_store_splice (directory, g_list_model_get_n_items (G_LIST_MODEL (directory)), 0,
                       page->pdata, page->len);
}

static void
test_accents_and_fields (void)
{
  g_autoptr(GListStore) directory = g_list_store_new (PV_TYPE_USER);
  g_autoptr(PvUserSearch) search = NULL;
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  const char *texts[] = { "cagri", "ŞAHİN", "sören", "søren", "zoe", "O’NEILL", "p7.mail@", "USER12@",
                          "  marie  ", "nobody at all", "" };

  append_page (directory, 0, 40);
  search = pv_user_search_new (G_LIST_MODEL (directory));
  g_signal_connect (search, "items-changed", G_CALLBACK (mirror_cb), mirror);
  mirror_cb (G_LIST_MODEL (search), 0, 0, g_list_model_get_n_items (G_LIST_MODEL (search)), mirror);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      pv_user_search_set_text (search, texts[i]);
      assert_shows (search, directory, mirror, texts[i], PV_USER_SEARCH_EVERYONE);
    }
  /* Not a search that finds nothing by accident: one person in ten. */
  pv_user_search_set_text (search, "ŞAHİN");
  settle (search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 4);
}

/* Typing, erasing and changing kinds while the directory arrives page by
 * page, with many people: slices, narrowing and widening, keys that come
 * after the text. */
static void
test_typing_while_loading (void)
{
  g_autoptr(GListStore) directory = g_list_store_new (PV_TYPE_USER);
  g_autoptr(PvUserSearch) search = pv_user_search_new (G_LIST_MODEL (directory));
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);
  const char *word = "sorensen";
  guint n = 0;

  g_signal_connect (search, "items-changed", G_CALLBACK (mirror_cb), mirror);

  /* Keystrokes between pages, without waiting. */
  for (guint i = 1; i <= strlen (word); i++)
    {
      g_autofree char *prefix = g_strndup (word, i);

      append_page (directory, n, 2000);
      n += 2000;
      pv_user_search_set_text (search, prefix);
      g_main_context_iteration (NULL, FALSE);
    }
  assert_shows (search, directory, mirror, word, PV_USER_SEARCH_EVERYONE);

  /* Then each keystroke settles before the next, erasing and typing. */
  for (int i = (int) strlen (word) - 1; i >= 0; i--)
    {
      g_autofree char *prefix = g_strndup (word, i);

      pv_user_search_set_text (search, prefix);
      assert_shows (search, directory, mirror, prefix, PV_USER_SEARCH_EVERYONE);
    }
  for (PvUserSearchKind kind = PV_USER_SEARCH_EVERYONE; kind <= PV_USER_SEARCH_CLOUD_ONLY; kind++)
    {
      pv_user_search_set_kind (search, kind);
      pv_user_search_set_text (search, "so");
      assert_shows (search, directory, mirror, "so", kind);
      /* A page while a search is under way. */
      pv_user_search_set_text (search, "sor");
      append_page (directory, n, 3000);
      n += 3000;
      assert_shows (search, directory, mirror, "sor", kind);
      pv_user_search_set_text (search, "");
      assert_shows (search, directory, mirror, "", kind);
    }

  /* The directory read again from the start. */
  pv_user_search_set_kind (search, PV_USER_SEARCH_NOT_ENABLED);
  pv_user_search_set_text (search, "dupont");
  g_list_store_remove_all (directory);
  append_page (directory, 100, 500);
  assert_shows (search, directory, mirror, "dupont", PV_USER_SEARCH_NOT_ENABLED);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/user-search/accents-and-fields", test_accents_and_fields);
  g_test_add_func ("/user-search/typing-while-loading", test_typing_while_loading);

  return g_test_run ();
}
