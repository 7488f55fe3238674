/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-a11y.h"
#include "pv-column-view.h"
#include "pv-enable-users-page.h"
#include "pv-file-chooser.h"
#include "pv-user-list.h"
#include "pv-user-search.h"

/* Select Users: the directory, filled page by page as it loads, searched
 * as the user types and filtered by status, with a check box per person.
 * It must stay smooth with 100 000 people: one recycling column view over
 * a PvUserSearch (search keys made in a thread as pages arrive, each
 * keystroke worked out in slices and shown in one change), a hash set
 * for "is this person selected", and selecting many in one splice. */

struct _PvEnableUsersPage
{
  PvPage              parent_instance;

  PvEnableFlow       *flow;
  PvUserSearch       *shown;
  GHashTable         *selected;      /* PvUser * set, mirrors the flow's selection */
  GHashTable         *bound_checks;  /* GtkCheckButton * → PvUser *, the visible rows */
  gboolean            updating;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkColumnView      *column_view;
  GtkButton          *select_all_button;
  GtkButton          *import_button;
  GCancellable       *import_cancellable;
  /* The import of a list read while the directory is still arriving,
   * the list as its task data: applied once the directory is whole. */
  GTask              *pending_import;
  GtkButton          *clear_button;
  GtkLabel           *count_label;
  GtkSpinner         *loading_spinner;
};

G_DEFINE_FINAL_TYPE (PvEnableUsersPage, pv_enable_users_page, PV_TYPE_PAGE)

static gboolean
user_is_enabled (PvUser *user)
{
  const char *sip = pv_user_get_sip_address (user);

  return sip != NULL && *sip != '\0';
}

static void
update_status (PvEnableUsersPage *self)
{
  GListModel *selection = G_LIST_MODEL (pv_enable_flow_get_selection (self->flow));
  guint n_selected = g_list_model_get_n_items (selection);
  guint n_people = g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_directory (self->flow)));
  gboolean loading = pv_enable_flow_get_loading (self->flow);
  g_autofree char *reason = NULL;
  g_autofree char *count = NULL;
  gboolean complete;

  complete = pv_enable_plan_get_step_status (pv_enable_flow_get_plan (self->flow),
                                             PV_ENABLE_STEP_SELECT_USERS, &reason);
  /* A directory that could not be loaded says so first. */
  pv_page_set_incomplete_reason (PV_PAGE (self),
                                 pv_enable_flow_get_load_error (self->flow) != NULL
                                   ? pv_enable_flow_get_load_error (self->flow)
                                   : complete ? NULL : reason);
  pv_page_set_complete (PV_PAGE (self), complete);

  if (loading && self->pending_import != NULL)
    /* Translators: shown while the directory loads, after a list of people
     * was imported; %u counts the people received so far. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Loading… %u person so far. The imported list waits for the rest.",
                                          "Loading… %u people so far. The imported list waits for the rest.",
                                          n_people),
                             n_people);
  else if (loading)
    /* Translators: shown while the directory loads; %u counts the people
     * received so far. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Loading… %u person so far",
                                          "Loading… %u people so far",
                                          n_people),
                             n_people);
  else
    /* Translators: %u counts the people selected. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person selected", "%u people selected",
                                          n_selected),
                             n_selected);
  gtk_label_set_text (self->count_label, count);

  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n_selected > 0);
}

/* The visible check boxes follow the selection after a change of many. */
static void
refresh_checks (PvEnableUsersPage *self)
{
  GHashTableIter iter;
  gpointer check, user;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &check, &user))
    gtk_check_button_set_active (check, g_hash_table_contains (self->selected, user));
  self->updating = FALSE;
}

static void
selection_changed_cb (PvEnableUsersPage *self)
{
  GListModel *selection = G_LIST_MODEL (pv_enable_flow_get_selection (self->flow));
  guint n = g_list_model_get_n_items (selection);

  /* A change made elsewhere (an imported list, a rerun): take it over. */
  if (!self->updating)
    {
      g_hash_table_remove_all (self->selected);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (selection, i);
          g_hash_table_add (self->selected, user);
        }
      refresh_checks (self);
    }

  update_status (self);
}

static void
set_selected (PvEnableUsersPage *self,
              PvUser            *user,
              gboolean           selected)
{
  GListStore *selection = pv_enable_flow_get_selection (self->flow);
  guint position;

  if (selected == g_hash_table_contains (self->selected, user))
    return;

  self->updating = TRUE;
  if (selected)
    {
      g_hash_table_add (self->selected, user);
      g_list_store_append (selection, user);
    }
  else
    {
      g_hash_table_remove (self->selected, user);
      if (g_list_store_find (selection, user, &position))
        g_list_store_remove (selection, position);
    }
  self->updating = FALSE;

  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_status (self);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  PvEnableUsersPage *self)
{
  PvUser *user = g_hash_table_lookup (self->bound_checks, check);

  if (self->updating || user == NULL)
    return;

  set_selected (self, user, gtk_check_button_get_active (check));
}

static void
select_all_clicked_cb (PvEnableUsersPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->shown);
  guint n = g_list_model_get_n_items (shown);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      PvUser *user = g_list_model_get_item (shown, i);

      if (g_hash_table_add (self->selected, user))
        g_ptr_array_add (added, user);
      else
        g_object_unref (user);
    }

  if (added->len == 0)
    return;

  /* One change for all of them: the plan recomputes once. */
  self->updating = TRUE;
  g_list_store_splice (pv_enable_flow_get_selection (self->flow),
                       g_list_model_get_n_items (G_LIST_MODEL (pv_enable_flow_get_selection (self->flow))),
                       0, added->pdata, added->len);
  self->updating = FALSE;

  refresh_checks (self);
  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_status (self);
}

static void
clear_clicked_cb (PvEnableUsersPage *self)
{
  self->updating = TRUE;
  g_hash_table_remove_all (self->selected);
  g_list_store_remove_all (pv_enable_flow_get_selection (self->flow));
  self->updating = FALSE;

  refresh_checks (self);
  update_status (self);
}

static void
search_changed_cb (PvEnableUsersPage *self)
{
  pv_user_search_set_text (self->shown, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
show_changed_cb (PvEnableUsersPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->filter_dropdown);

  pv_user_search_set_kind (self->shown, selected <= PV_USER_SEARCH_CLOUD_ONLY
                                          ? (PvUserSearchKind) selected
                                          : PV_USER_SEARCH_EVERYONE);
}

/* --- Importing a list of people. --- */

static void
present_message (PvEnableUsersPage *self,
                 const char        *heading,
                 const char        *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Selects the people of the list, and tells which rows matched nobody,
 * rather than dropping them silently. */
static void
apply_list (PvEnableUsersPage *self,
            PvUserList        *list)
{
  g_autoptr(GPtrArray) unmatched = NULL;
  g_autoptr(GListModel) matched = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  matched = pv_user_list_match (list, G_LIST_MODEL (pv_enable_flow_get_directory (self->flow)), &unmatched);
  n = g_list_model_get_n_items (matched);
  for (guint i = 0; i < n; i++)
    {
      PvUser *user = g_list_model_get_item (matched, i);

      if (g_hash_table_add (self->selected, user))
        g_ptr_array_add (added, user);
      else
        g_object_unref (user);
    }

  if (added->len > 0)
    {
      GListStore *selection = pv_enable_flow_get_selection (self->flow);

      self->updating = TRUE;
      g_list_store_splice (selection, g_list_model_get_n_items (G_LIST_MODEL (selection)), 0,
                           added->pdata, added->len);
      self->updating = FALSE;
      refresh_checks (self);
      pv_page_set_modified (PV_PAGE (self), TRUE);
      update_status (self);
    }

  if (unmatched != NULL && unmatched->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      const guint shown = MIN (unmatched->len, 10);
      g_autofree char *heading = NULL;

      /* Translators: %u counts the rows of an imported list. */
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u Row Matches Nobody",
                                              "%u Rows Match Nobody",
                                              unmatched->len),
                                 unmatched->len);
      for (guint i = 0; i < shown; i++)
        g_string_append_printf (body, "%s\n", (const char *) g_ptr_array_index (unmatched, i));
      if (unmatched->len > shown)
        /* Translators: %u counts the rows not listed above. */
        g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "And %u more row.", "And %u more rows.",
                                                   unmatched->len - shown),
                                unmatched->len - shown);
      present_message (self, heading, g_strstrip (body->str));
    }
}

static void
drop_pending_import (PvEnableUsersPage *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->pending_import);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("The import was cancelled."));
}

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvEnableUsersPage *self = g_task_get_source_object (task);
  g_autoptr(PvUserList) list = NULL;
  g_autoptr(GError) error = NULL;

  list = pv_user_list_load_finish (result, &error);
  if (list == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Matched against part of the directory, the list would report as
   * nobody the people still to come. */
  if (pv_enable_flow_get_loading (self->flow))
    {
      drop_pending_import (self);
      g_task_set_task_data (task, g_steal_pointer (&list), g_object_unref);
      self->pending_import = g_steal_pointer (&task);
      update_status (self);
      return;
    }

  apply_list (self, list);
  g_task_return_boolean (task, TRUE);
}

/* The directory is whole (or failed to load: then the list is matched
 * against what did arrive, and its rows that match nobody say so). */
static void
loading_changed_cb (PvEnableUsersPage *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->pending_import == NULL || pv_enable_flow_get_loading (self->flow))
    return;

  task = g_steal_pointer (&self->pending_import);
  if (g_task_return_error_if_cancelled (task))
    return;
  apply_list (self, g_task_get_task_data (task));
  g_task_return_boolean (task, TRUE);
}

/**
 * pv_enable_users_page_import_async:
 * @file: a CSV list of people, in the columns of `provisio-cli sip`
 *
 * Reads @file off the main loop, selects the people it lists, and shows
 * the rows that match nobody. While the directory is still arriving, the
 * list waits for the whole of it.
 */
void
pv_enable_users_page_import_async (PvEnableUsersPage   *self,
                                   GFile               *file,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_ENABLE_USERS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_enable_users_page_import_async);
  pv_user_list_load_async (file, cancellable, list_loaded_cb, g_steal_pointer (&task));
}

gboolean
pv_enable_users_page_import_finish (PvEnableUsersPage  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_enable_users_page_import_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvEnableUsersPage *self = PV_ENABLE_USERS_PAGE (object);
  g_autoptr(GError) error = NULL;

  if (!pv_enable_users_page_import_finish (self, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    present_message (self, _("The List Could Not Be Imported"), error->message);

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
file_chosen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PvEnableUsersPage *self = user_data;
  g_autoptr(GFile) file = pv_choose_file_finish (result, NULL);

  if (file == NULL)
    return;

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  drop_pending_import (self);
  self->import_cancellable = g_cancellable_new ();
  pv_enable_users_page_import_async (self, file, self->import_cancellable, imported_cb, NULL);
}

static void
import_clicked_cb (PvEnableUsersPage *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileFilter *filters[] = { csv, all, NULL };

  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_pattern (csv, "*.csv");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");

  pv_choose_file_async (GTK_WIDGET (self), _("Import a List of People"), filters, NULL, file_chosen_cb, self);
}

/* --- Columns. --- */

static void
setup_check_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PvEnableUsersPage        *self)
{
  GtkWidget *check = gtk_check_button_new ();

  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, check);
}

static void
bind_check_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PvEnableUsersPage        *self)
{
  GtkWidget *check = gtk_list_item_get_child (list_item);
  PvUser *user = gtk_list_item_get_item (list_item);
  g_autofree char *label = NULL;

  /* Translators: the accessible name of a person's check box; %s is
   * their name. */
  label = g_strdup_printf (_("Select %s"), pv_user_get_display_name (user));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  g_hash_table_insert (self->bound_checks, check, user);
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->selected, user));
  self->updating = FALSE;
}

static void
unbind_check_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PvEnableUsersPage        *self)
{
  g_hash_table_remove (self->bound_checks, gtk_list_item_get_child (list_item));
}

typedef enum
{
  COLUMN_NAME,
  COLUMN_MAIL,
  COLUMN_UPN,
  COLUMN_STATUS,
} Column;

static const char * const column_titles[] = {
  [COLUMN_NAME] = N_("Name"),
  [COLUMN_MAIL] = N_("E-mail"),
  [COLUMN_UPN] = N_("User Principal Name"),
  [COLUMN_STATUS] = N_("Status"),
};

/* The whole value of a cut cell. Asked for when the pointer rests on it:
 * setting a tooltip at every bind costs a round trip to the X server per
 * cell, which made typing a search lag. */
static gboolean
label_query_tooltip_cb (GtkLabel   *label,
                        int         x,
                        int         y,
                        gboolean    keyboard_mode,
                        GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
  /* Names are what people look for, and the status what they decide
   * on: both keep their room when the window is narrow, and addresses
   * are cut instead (their tooltip holds them whole). */
  if ((Column) GPOINTER_TO_INT (user_data) == COLUMN_NAME)
    gtk_label_set_width_chars (GTK_LABEL (label), 20);
  else if ((Column) GPOINTER_TO_INT (user_data) == COLUMN_STATUS)
    gtk_label_set_width_chars (GTK_LABEL (label), 12);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  PvUser *user = gtk_list_item_get_item (list_item);
  g_autofree char *status = NULL;
  const char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      text = pv_user_get_display_name (user);
      break;
    case COLUMN_MAIL:
      text = pv_user_get_mail (user);
      break;
    case COLUMN_UPN:
      text = pv_user_get_user_principal_name (user);
      break;
    case COLUMN_STATUS:
      if (user_is_enabled (user) && pv_user_get_registrar_pool (user) != NULL)
        /* Translators: %s is the pool that hosts the person. */
        text = status = g_strdup_printf (_("Enabled on %s"), pv_user_get_registrar_pool (user));
      else if (user_is_enabled (user))
        text = _("Enabled");
      else
        text = _("Not enabled");
      break;
    default:
      break;
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
pv_enable_users_page_dispose (GObject *object)
{
  PvEnableUsersPage *self = PV_ENABLE_USERS_PAGE (object);

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  drop_pending_import (self);
  /* The wizard is going away: the directory need not finish loading. */
  if (self->flow != NULL)
    pv_enable_flow_cancel (self->flow);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_USERS_PAGE);
  g_clear_object (&self->shown);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_enable_users_page_parent_class)->dispose (object);
}

static void
pv_enable_users_page_finalize (GObject *object)
{
  PvEnableUsersPage *self = PV_ENABLE_USERS_PAGE (object);

  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->bound_checks, g_hash_table_unref);

  G_OBJECT_CLASS (pv_enable_users_page_parent_class)->finalize (object);
}

static void
pv_enable_users_page_shown (PvPage *page)
{
  PvEnableUsersPage *self = PV_ENABLE_USERS_PAGE (page);

  /* Addresses are worked out once, on the Sign-in name page, rather than
   * at every click here. */
  pv_enable_plan_set_deferred (pv_enable_flow_get_plan (self->flow), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
pv_enable_users_page_class_init (PvEnableUsersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_enable_users_page_dispose;
  object_class->finalize = pv_enable_users_page_finalize;
  PV_PAGE_CLASS (klass)->shown = pv_enable_users_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-users-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableUsersPage, loading_spinner);
}

static void
pv_enable_users_page_init (PvEnableUsersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected = g_hash_table_new (NULL, NULL);
  self->bound_checks = g_hash_table_new (NULL, NULL);

  pv_column_view_add (self->column_view, NULL, G_CALLBACK (setup_check_cb),
                      G_CALLBACK (bind_check_cb), G_CALLBACK (unbind_check_cb), self, FALSE);
  for (Column column = COLUMN_NAME; column <= COLUMN_STATUS; column++)
    pv_column_view_add (self->column_view, _(column_titles[column]), G_CALLBACK (setup_label_cb),
                        G_CALLBACK (bind_label_cb), NULL, GINT_TO_POINTER (column), TRUE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  /* Translators: what the drop-down above the people chooses. */
  pv_a11y_name_drop_down (self->filter_dropdown, _("Show"));
  g_signal_connect_object (self->filter_dropdown, "notify::selected", G_CALLBACK (show_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->select_all_button, "clicked", G_CALLBACK (select_all_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_button, "clicked", G_CALLBACK (import_clicked_cb),
                           self, G_CONNECT_SWAPPED);
}

PvPage *
pv_enable_users_page_new (PvEnableFlow *flow)
{
  PvEnableUsersPage *self;
  g_autoptr(GtkNoSelection) selection_model = NULL;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_USERS_PAGE, NULL);
  self->flow = g_object_ref (flow);

  self->shown = pv_user_search_new (G_LIST_MODEL (pv_enable_flow_get_directory (flow)));
  selection_model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->shown)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection_model));

  g_signal_connect_object (pv_enable_flow_get_selection (flow), "items-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pv_enable_flow_get_directory (flow), "items-changed",
                           G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::loading", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::loading", G_CALLBACK (loading_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::load-error", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  selection_changed_cb (self);

  return PV_PAGE (self);
}
