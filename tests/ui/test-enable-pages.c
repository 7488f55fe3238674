/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "enable/pv-enable-flow.h"
#include "enable/pv-enable-pool-page.h"
#include "enable/pv-enable-users-page.h"
#include "pv-assistant.h"
#include "pv-sip-domain.h"
#include "pv-test-util.h"

/* The first pages of "Enable users for a pool", driven as a person would
 * through their widgets, on a small deployment: two pools and a Director,
 * two SIP domains, and three people, two of them namesakes. */

typedef struct
{
  GtkWindow    *window;
  PvAssistant  *assistant;
  PvEnableFlow *flow;
  GListStore   *domains;
} Fixture;

static PvUser *
make_user (const char *id,
           const char *first,
           const char *last,
           const char *mail)
{
  PvUser *user = pv_user_new ();
  g_autofree char *display = g_strdup_printf ("%s %s", first, last);
  g_autofree char *upn = g_strdup_printf ("%s@contoso.fr", id);

  pv_user_set_id (user, id);
  pv_user_set_display_name (user, display);
  pv_user_set_given_name (user, first);
  pv_user_set_surname (user, last);
  pv_user_set_mail (user, mail);
  pv_user_set_user_principal_name (user, upn);
  return user;
}

static void
add_pool (GListStore *pools,
          const char *fqdn,
          PvPoolKind  kind,
          const char *site)
{
  g_autoptr(PvPool) pool = pv_pool_new ();

  pv_pool_set_fqdn (pool, fqdn);
  pv_pool_set_kind (pool, kind);
  pv_pool_set_site (pool, site);
  g_list_store_append (pools, pool);
}

static void
add_domain (GListStore *domains,
            const char *name,
            gboolean    is_default)
{
  g_autoptr(PvSipDomain) domain = pv_sip_domain_new ();

  pv_sip_domain_set_name (domain, name);
  pv_sip_domain_set_is_default (domain, is_default);
  g_list_store_append (domains, domain);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  PvEnablePlan *plan;
  g_autoptr(PvUser) a = make_user ("jdupont", "Jean", "Dupont", "jean.dupont@contoso.fr");
  g_autoptr(PvUser) b = make_user ("jdupont2", "Jean", "Dupont", "jean-b.dupont@contoso.fr");
  g_autoptr(PvUser) c = make_user ("aoneill", "Aoife", "O’Neill", "aoife.oneill@contoso.fr");
  g_autoptr(PvUser) d = make_user ("csahin", "Çağrı", "Şahin", "cagri.sahin@contoso.fr");
  g_autoptr(PvUser) e = make_user ("mmartin", "Marie", "Martin", "marie.martin@contoso.fr");

  fixture->window = GTK_WINDOW (g_object_ref (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 800, 600);
  fixture->assistant = PV_ASSISTANT (pv_assistant_new (&pv_enable_flow_info));
  fixture->flow = PV_ENABLE_FLOW (pv_assistant_get_state (fixture->assistant));
  plan = pv_enable_flow_get_plan (fixture->flow);

  add_pool (pv_enable_flow_get_pools (fixture->flow), "dir01.contoso.fr", PV_POOL_KIND_DIRECTOR, "Paris");
  add_pool (pv_enable_flow_get_pools (fixture->flow), "pool01.contoso.fr", PV_POOL_KIND_ENTERPRISE, "Paris");
  add_pool (pv_enable_flow_get_pools (fixture->flow), "se01.contoso.fr", PV_POOL_KIND_STANDARD_EDITION, "Lyon");

  fixture->domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  add_domain (fixture->domains, "contoso.fr", TRUE);
  add_domain (fixture->domains, "contoso.com", FALSE);
  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (fixture->domains));

  /* Çağrı is synchronised from on-premises; Marie is already enabled. */
  pv_user_set_on_premises_sync_enabled (d, TRUE);
  pv_user_set_sip_address (e, "sip:marie.martin@contoso.fr");
  pv_user_set_registrar_pool (e, "pool01.contoso.fr");
  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), a);
  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), b);
  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), c);
  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), d);
  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), e);

  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->assistant));
  gtk_window_present (fixture->window);
  pv_test_iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->domains);
  gtk_window_destroy (fixture->window);
  pv_test_iterate ();
  g_assert_finalize_object (fixture->window);
}

static void
next (Fixture *fixture)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->assistant), "assistant.next", NULL);
  pv_test_iterate ();
}

static gboolean
match_row_title (GtkWidget     *widget,
                 gconstpointer  data)
{
  return ADW_IS_PREFERENCES_ROW (widget) &&
         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), data) == 0;
}

static GtkWidget *
row (Fixture    *fixture,
     const char *title)
{
  GtkWidget *found = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                          match_row_title, title);

  g_assert_nonnull (found);
  return found;
}

/* What a click on a row does: activate its radio button. */
static void
choose (Fixture    *fixture,
        const char *title)
{
  adw_action_row_activate (ADW_ACTION_ROW (row (fixture, title)));
  pv_test_iterate ();
}

static GListModel *
shown_people (Fixture *fixture)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                                               GTK_TYPE_COLUMN_VIEW));
  GListModel *shown = gtk_no_selection_get_model (GTK_NO_SELECTION (gtk_column_view_get_model (view)));
  guint pending;

  /* The search is worked out in slices: let it finish. */
  for (g_object_get (shown, "pending", &pending, NULL); pending > 0; g_object_get (shown, "pending", &pending, NULL))
    g_main_context_iteration (NULL, TRUE);

  return shown;
}

static void
search (Fixture    *fixture,
        const char *text)
{
  GtkWidget *entry = pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                           GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* The search entry waits a moment before it says the text changed. */
  g_signal_emit_by_name (entry, "search-changed");
  pv_test_iterate ();
}

static gboolean
match_button_label (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), data) == 0;
}

static void
click (Fixture    *fixture,
       const char *label)
{
  GtkWidget *button = pv_test_find_widget (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                           match_button_label, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  pv_test_iterate ();
}

static void
select_people (Fixture *fixture)
{
  PvPage *page = pv_assistant_get_current_page (fixture->assistant);
  GListModel *selection = G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow));

  g_assert_false (pv_page_get_complete (page));
  g_assert_nonnull (pv_page_get_incomplete_reason (page));

  /* Both namesakes, then Aoife: three people. */
  search (fixture, "dupont");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 2);
  click (fixture, "Select _All Shown");
  search (fixture, "O’NEILL");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  click (fixture, "Select _All Shown");
  search (fixture, "");

  g_assert_cmpuint (g_list_model_get_n_items (selection), ==, 3);
  g_assert_true (pv_page_get_complete (page));
  g_assert_true (pv_page_get_modified (page));
}

static void
test_users_search_and_filters (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkDropDown *show;

  next (fixture);
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 5);

  /* Accents do not get in the way, in either direction. */
  search (fixture, "cagri");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  search (fixture, "ŞAHİN");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  /* Mail and UPN are searched too. */
  search (fixture, "marie.martin@");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  search (fixture, "nobody at all");
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 0);
  search (fixture, "");

  show = GTK_DROP_DOWN (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                              GTK_TYPE_DROP_DOWN));
  gtk_drop_down_set_selected (show, 1);   /* not yet enabled */
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 4);
  gtk_drop_down_set_selected (show, 2);   /* already enabled */
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  gtk_drop_down_set_selected (show, 3);   /* synchronised */
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 1);
  gtk_drop_down_set_selected (show, 4);   /* cloud only */
  g_assert_cmpuint (g_list_model_get_n_items (shown_people (fixture)), ==, 4);

  /* Selecting someone already enabled is allowed. */
  gtk_drop_down_set_selected (show, 2);
  shown_people (fixture);
  click (fixture, "Select _All Shown");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, 1);
  g_assert_true (pv_page_get_complete (pv_assistant_get_current_page (fixture->assistant)));

  click (fixture, "C_lear Selection");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, 0);
  g_assert_false (pv_page_get_complete (pv_assistant_get_current_page (fixture->assistant)));
}

static void
test_walk_to_ready (Fixture       *fixture,
                    gconstpointer  data)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (fixture->flow);
  PvPage *page;
  g_autofree char *step = NULL;

  /* Welcome: nothing to fill in. */
  page = pv_assistant_get_current_page (fixture->assistant);
  g_assert_true (pv_page_get_complete (page));
  next (fixture);

  /* Select Users. */
  select_people (fixture);
  next (fixture);

  /* Select Server or Pool. */
  page = pv_assistant_get_current_page (fixture->assistant);
  step = pv_assistant_dup_step_label (fixture->assistant);
  g_assert_cmpstr (step, ==, "Step 3 of 7");
  g_assert_false (pv_page_get_complete (page));
  g_assert_nonnull (pv_page_get_incomplete_reason (page));
  /* The Director is there, but cannot be chosen. */
  g_assert_false (gtk_widget_get_sensitive (row (fixture, "dir01.contoso.fr")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture, "pool01.contoso.fr"))),
                   ==, "Enterprise pool, site Paris");
  choose (fixture, "pool01.contoso.fr");
  g_assert_cmpstr (pv_pool_get_fqdn (pv_enable_plan_get_pool (plan)), ==, "pool01.contoso.fr");
  g_assert_true (pv_page_get_complete (page));
  g_assert_true (pv_page_get_modified (page));
  next (fixture);

  /* Specify Sign-in Name: e-mail by default, and every address fine. */
  page = pv_assistant_get_current_page (fixture->assistant);
  g_assert_cmpint (pv_enable_plan_get_format (plan), ==, PV_SIP_FORMAT_EMAIL);
  g_assert_cmpuint (g_list_model_get_n_items (pv_enable_plan_get_entries (plan)), ==, 3);
  g_assert_true (pv_page_get_complete (page));

  /* First and last name: the namesakes collide, and the page says so. */
  choose (fixture, "Use the format <first name>.<last name>@domain");
  g_assert_cmpint (pv_enable_plan_get_format (plan), ==, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_cmpstr (pv_enable_plan_get_domain (plan), ==, "contoso.fr");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), >, 0);
  g_assert_false (pv_page_get_complete (page));
  g_assert_nonnull (pv_page_get_incomplete_reason (page));

  /* userPrincipalName: unique, so the page is complete again. */
  choose (fixture, "Use userPrincipalName");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  g_assert_true (pv_page_get_complete (page));
  next (fixture);

  /* Ready: the button says what it will do. */
  page = pv_assistant_get_current_page (fixture->assistant);
  g_assert_true (pv_page_get_complete (page));
  g_assert_cmpstr (pv_page_get_next_label (page), ==, "_Enable");
  pv_enable_plan_set_dry_run (plan, TRUE);
  g_assert_cmpstr (pv_page_get_next_label (page), ==, "_Simulate");
}

static gboolean
match_button_prefix (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_visible (widget) &&
         gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), data);
}

static void
test_fix_duplicate_and_skip (Fixture       *fixture,
                             gconstpointer  data)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (fixture->flow);
  PvPage *page;
  GtkWidget *use;
  GtkWidget *skip;
  GtkWidget *edit;
  GtkWidget *text;
  GtkWidget *popover;

  next (fixture);
  select_people (fixture);
  next (fixture);
  choose (fixture, "pool01.contoso.fr");
  next (fixture);
  page = pv_assistant_get_current_page (fixture->assistant);

  /* The namesakes collide: the second is offered a free address. */
  choose (fixture, "Use the format <first name>.<last name>@domain");
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 1);
  g_assert_false (pv_page_get_complete (page));
  skip = pv_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_SWITCH);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (skip, ADW_TYPE_PREFERENCES_GROUP)));

  /* Skipping lets the others go on. */
  gtk_switch_set_active (GTK_SWITCH (skip), TRUE);
  g_assert_true (pv_enable_plan_get_skip_problems (plan));
  g_assert_true (pv_page_get_complete (page));
  g_assert_cmpuint (pv_enable_plan_get_n_to_enable (plan), ==, 2);
  gtk_switch_set_active (GTK_SWITCH (skip), FALSE);
  g_assert_false (pv_page_get_complete (page));

  /* Taking the suggestion resolves it for good. */
  use = pv_test_find_widget (GTK_WIDGET (page), match_button_prefix, "Use sip:");
  g_assert_nonnull (use);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (use)), ==, "Use sip:jean.dupont2@contoso.fr");
  g_signal_emit_by_name (use, "clicked");
  pv_test_iterate ();
  g_assert_cmpuint (pv_enable_plan_get_n_problems (plan), ==, 0);
  g_assert_true (pv_page_get_complete (page));
  g_assert_cmpstr (pv_enable_plan_get_override (plan, "jdupont2"), ==, "sip:jean.dupont2@contoso.fr");

  /* An address typed by hand, in the popover of a row's edit button
   * (made when it is first opened, holding the row's address). */
  edit = pv_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON);
  g_assert_nonnull (edit);
  g_assert_null (gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit)));
  gtk_menu_button_popup (GTK_MENU_BUTTON (edit));
  pv_test_iterate ();
  g_assert_nonnull (gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit)));
  text = pv_test_find_by_type (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit))), GTK_TYPE_ENTRY);
  g_assert_true (g_str_has_prefix (gtk_editable_get_text (GTK_EDITABLE (text)), "sip:"));
  gtk_editable_set_text (GTK_EDITABLE (text), "sip:typed.by.hand@contoso.fr");
  g_signal_emit_by_name (text, "activate");
  pv_test_iterate ();
  g_assert_nonnull (pv_enable_plan_get_override (plan, "jdupont"));
  g_assert_cmpstr (pv_enable_plan_get_override (plan, "jdupont"), ==, "sip:typed.by.hand@contoso.fr");
  /* Opened again: the same popover. */
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit)));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (edit));
  gtk_menu_button_popup (GTK_MENU_BUTTON (edit));
  pv_test_iterate ();
  g_assert_true (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit))) == popover);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (edit));
}

static void
test_import_list (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  const char *csv =
    "id,displayName,givenName,surname,mail,userPrincipalName,sAMAccountName\r\n"
    "jdupont,Jean Dupont,Jean,Dupont,,,\r\n"
    ",Aoife O'Neill,,,,AONEILL@contoso.fr,\r\n"
    ",Nobody Here,,,nobody@contoso.fr,,\r\n";
  AdwMessageDialog *dialog;
  PvPage *page;

  file = pv_test_write_temp_file ("provisio-list-XXXXXX.csv", csv);

  next (fixture);
  page = pv_assistant_get_current_page (fixture->assistant);
  pv_enable_users_page_import_async (PV_ENABLE_USERS_PAGE (page), file, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_enable_users_page_import_finish (PV_ENABLE_USERS_PAGE (page), pv_test_wait_result (&result),
                                                     &error));
  g_assert_no_error (error);
  pv_test_iterate ();

  /* Found by id and by UPN (whatever its case); the third is reported. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, 2);
  g_assert_true (pv_page_get_complete (page));
  dialog = ADW_MESSAGE_DIALOG (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "1 Row Matches Nobody");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "line 4"));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_file_delete (file, NULL, NULL);
}

static gboolean
match_label_prefix (GtkWidget     *widget,
                    gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), data);
}

static gboolean
import_held (gpointer data)
{
  return pv_test_find_widget (data, match_label_prefix, "Loading… 5 people so far. The imported list waits") != NULL;
}

/* A list imported while the directory is still arriving waits for the
 * whole of it: matched against the first pages, it would report as
 * nobody the people still to come. */
static void
test_import_list_while_loading (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PvUser) late = make_user ("lbernard", "Louise", "Bernard", "louise.bernard@contoso.fr");
  const char *csv =
    "id,displayName,givenName,surname,mail,userPrincipalName,sAMAccountName\r\n"
    "jdupont,Jean Dupont,Jean,Dupont,,,\r\n"
    ",Louise Bernard,,,LOUISE.BERNARD@contoso.fr,,\r\n";
  PvPage *page;

  file = pv_test_write_temp_file ("provisio-list-XXXXXX.csv", csv);

  next (fixture);
  page = pv_assistant_get_current_page (fixture->assistant);
  pv_enable_flow_set_loading (fixture->flow, TRUE);
  pv_enable_users_page_import_async (PV_ENABLE_USERS_PAGE (page), file, NULL, pv_test_store_result_cb, &result);
  /* Read, then held while the directory loads, and said so: nothing
   * selected yet. */
  pv_test_wait_until (import_held, page);
  g_assert_null (result);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, 0);

  g_list_store_append (pv_enable_flow_get_directory (fixture->flow), late);
  pv_enable_flow_set_loading (fixture->flow, FALSE);
  g_assert_true (pv_enable_users_page_import_finish (PV_ENABLE_USERS_PAGE (page), pv_test_wait_result (&result),
                                                     &error));
  g_assert_no_error (error);
  pv_test_iterate ();

  /* Both found, the late one included, and no row reported. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (fixture->flow))), ==, 2);
  g_assert_null (pv_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_file_delete (file, NULL, NULL);
}

/* The pool page, with people chosen before it. */
static PvPage *
pool_page (Fixture *fixture)
{
  next (fixture);
  select_people (fixture);
  next (fixture);
  return pv_assistant_get_current_page (fixture->assistant);
}

static void
test_import_topology (Fixture       *fixture,
                      gconstpointer  data)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (fixture->flow);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "topology-directors.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvPage *page;

  page = pool_page (fixture);
  choose (fixture, "pool01.contoso.fr");

  pv_enable_pool_page_import_async (PV_ENABLE_POOL_PAGE (page), file, NULL, pv_test_store_result_cb, &result);
  g_assert_true (pv_enable_pool_page_import_finish (PV_ENABLE_POOL_PAGE (page), pv_test_wait_result (&result),
                                                    &error));
  g_assert_no_error (error);
  pv_test_iterate ();

  /* The topology's pools replace the list; the earlier choice is gone. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_pools (fixture->flow))), ==, 5);
  g_assert_null (pv_enable_plan_get_pool (plan));
  g_assert_false (pv_page_get_complete (page));
  g_assert_false (gtk_widget_get_sensitive (row (fixture, "dir-mtl.contoso.ca")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row (fixture, "pool-mtl.contoso.ca"))),
                   ==, "Enterprise pool, site Montréal");
  choose (fixture, "se-zrh.contoso.ch");
  g_assert_true (pv_page_get_complete (page));

  /* Its SIP domains, with its default, are now the deployment's. */
  g_assert_cmpuint (g_list_model_get_n_items (pv_enable_plan_get_sip_domains (plan)), ==, 3);
  g_assert_cmpstr (pv_enable_plan_get_domain (plan), ==, "contoso.ca");
}

static void
test_import_bad_topology (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "fixtures", "topology-billion-laughs.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PvPage *page;

  page = pool_page (fixture);

  pv_enable_pool_page_import_async (PV_ENABLE_POOL_PAGE (page), file, NULL, pv_test_store_result_cb, &result);
  g_assert_false (pv_enable_pool_page_import_finish (PV_ENABLE_POOL_PAGE (page), pv_test_wait_result (&result),
                                                     &error));
  g_assert_nonnull (error);
  /* Nothing was replaced. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_pools (fixture->flow))), ==, 3);
}

static void
test_domain_choice (Fixture       *fixture,
                    gconstpointer  data)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (fixture->flow);
  AdwComboRow *domain_row;

  next (fixture);
  select_people (fixture);
  next (fixture);
  choose (fixture, "se01.contoso.fr");
  next (fixture);

  domain_row = ADW_COMBO_ROW (pv_test_find_by_type (GTK_WIDGET (pv_assistant_get_current_page (fixture->assistant)),
                                                    ADW_TYPE_COMBO_ROW));
  /* No domain needed for the e-mail address. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (domain_row)));

  choose (fixture, "Use the format <first name>.<last name>@domain");
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (domain_row)));
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (domain_row)), ==, 2);
  adw_combo_row_set_selected (domain_row, 1);
  pv_test_iterate ();
  g_assert_cmpstr (pv_enable_plan_get_domain (plan), ==, "contoso.com");
}

int
main (int   argc,
      char *argv[])
{
  pv_test_init (&argc, &argv);

  g_test_add ("/enable-pages/users-search-and-filters", Fixture, NULL, fixture_set_up, test_users_search_and_filters, fixture_tear_down);
  g_test_add ("/enable-pages/walk-to-ready", Fixture, NULL, fixture_set_up, test_walk_to_ready, fixture_tear_down);
  g_test_add ("/enable-pages/fix-duplicate-and-skip", Fixture, NULL, fixture_set_up, test_fix_duplicate_and_skip, fixture_tear_down);
  g_test_add ("/enable-pages/import-list", Fixture, NULL, fixture_set_up, test_import_list, fixture_tear_down);
  g_test_add ("/enable-pages/import-list-while-loading", Fixture, NULL, fixture_set_up, test_import_list_while_loading, fixture_tear_down);
  g_test_add ("/enable-pages/import-topology", Fixture, NULL, fixture_set_up, test_import_topology, fixture_tear_down);
  g_test_add ("/enable-pages/import-bad-topology", Fixture, NULL, fixture_set_up, test_import_bad_topology, fixture_tear_down);
  g_test_add ("/enable-pages/domain-choice", Fixture, NULL, fixture_set_up, test_domain_choice, fixture_tear_down);

  return g_test_run ();
}
