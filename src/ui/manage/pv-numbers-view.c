/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-address-dialog.h"
#include "pv-manage-util.h"
#include "pv-numbers-view.h"
#include "pv-person-chooser.h"
#include "pv-service-error.h"

/* Phone numbers: shows a PvNumbersModel (every number of the tenant,
 * its filters, its search and its selected number) and hands it the
 * user's choices. What is selected is the model's selected number; the
 * highlighted row follows it, and the actions apply to it. It must stay
 * smooth with 50 000 numbers: one recycling column view over a filter
 * model that filters incrementally with the model's test, and nothing
 * here walks every number when a page arrives or a filter changes. */

/* Where an operator's contact is found: the catalogue has no contact of
 * its own, the vendor's directory lists each operator's site. */
#define OPERATOR_DIRECTORY_URL "https://cloudpartners.transform.microsoft.com/practices/microsoft-365-for-operators/directory"

enum
{
  COLUMN_NUMBER,
  COLUMN_TYPE,
  COLUMN_OPERATOR,
  COLUMN_COUNTRY,
  COLUMN_STATUS,
  COLUMN_PERSON,
  COLUMN_ADDRESS,
  N_COLUMNS
};

struct _PvNumbersView
{
  GtkWidget           parent_instance;

  PvNumbersModel     *model;
  GCancellable       *cancellable;
  GHashTable         *bound_cells;      /* GtkListItem on screen → its column + 1 */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *operator_choices; /* ids, [0] NULL for any */
  GPtrArray          *country_choices;  /* codes, [0] NULL for any */
  gboolean            updating;         /* the drop-downs are set from the model */
  gboolean            syncing;          /* the highlight is set from the model */
  gboolean            shown_changing;   /* the shown list is changing */

  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *operator_dropdown;
  GtkDropDown        *country_dropdown;
  GtkDropDown        *status_dropdown;
  GtkFlowBox         *filters_box;
  GtkFlowBox         *actions_box;
  GtkColumnView      *column_view;
  GtkSpinner         *loading_spinner;
  GtkLabel           *count_label;
  GtkSpinner         *busy_spinner;
  GtkLabel           *selection_label;
};

G_DEFINE_FINAL_TYPE (PvNumbersView, pv_numbers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
country_name (const char *code)
{
  return pv_numbers_country_name (code);
}

static const char *
person_label (PvUser *person)
{
  return pv_numbers_person_label (person);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
}

static GtkWindow *
parent_window (PvNumbersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (PvNumbersView *self,
       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* The number the actions apply to: the one highlighted, which is the
 * model's selected number. */
static PvPhoneNumber *
selected_number (PvNumbersView *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* --- Filters and search: the model decides, the filter model asks. --- */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PvNumbersView *self = user_data;

  return pv_numbers_model_matches (self->model, item);
}

static void
update_count (PvNumbersView *self)
{
  guint total = g_list_model_get_n_items (pv_numbers_model_get_numbers (self->model));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;
  gboolean loading = pv_numbers_model_get_loading (self->model);

  if (loading)
    /* Translators: shown while the list fills; %u is how many numbers
     * came so far. */
    text = g_strdup_printf (ngettext ("Loading phone numbers… %u so far",
                                      "Loading phone numbers… %u so far", total), total);
  else if (shown == total)
    text = g_strdup_printf (ngettext ("%u phone number", "%u phone numbers", total), total);
  else
    /* Translators: the first %u is how many numbers the search and the
     * filters show, the second how many the tenant has. */
    text = g_strdup_printf (ngettext ("%u of %u phone number shown", "%u of %u phone numbers shown",
                                      total), shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

static void
model_filter_changed_cb (PvNumbersView *self,
                         guint          change)
{
  /* PvNumbersChange has GtkFilterChange's values. */
  gtk_filter_changed (GTK_FILTER (self->filter), (GtkFilterChange) change);
  update_count (self);
}

static void
search_changed_cb (PvNumbersView *self)
{
  pv_numbers_model_set_search (self->model, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
dropdowns_changed_cb (PvNumbersView *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint operator_ = gtk_drop_down_get_selected (self->operator_dropdown);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  guint show = gtk_drop_down_get_selected (self->status_dropdown);

  if (self->updating)
    return;
  pv_numbers_model_set_filters (self->model,
                                type == 0 || type == GTK_INVALID_LIST_POSITION ? -1 : (int) type - 1,
                                operator_ < self->operator_choices->len ?
                                g_ptr_array_index (self->operator_choices, operator_) : NULL,
                                country < self->country_choices->len ?
                                g_ptr_array_index (self->country_choices, country) : NULL,
                                show == GTK_INVALID_LIST_POSITION ? PV_NUMBERS_SHOW_ANY : (PvNumbersShow) show);
}

static void
select_choice (GtkDropDown *dropdown,
               GPtrArray   *choices,
               const char  *value)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choices, i), value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The Operator and Country lists offer what the model says the tenant
 * has, plus whatever a filter was set to from elsewhere. */
static void
rebuild_choices (PvNumbersView *self)
{
  g_autoptr(GtkStringList) operator_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) country_names = gtk_string_list_new (NULL);

  self->updating = TRUE;

  g_ptr_array_unref (self->operator_choices);
  self->operator_choices = pv_numbers_model_get_operator_choices (self->model);
  gtk_string_list_append (operator_names, _("Any Operator"));
  for (guint i = 1; i < self->operator_choices->len; i++)
    gtk_string_list_append (operator_names,
                            pv_numbers_model_get_operator_name (self->model,
                                                                g_ptr_array_index (self->operator_choices, i)));
  gtk_drop_down_set_model (self->operator_dropdown, G_LIST_MODEL (operator_names));
  select_choice (self->operator_dropdown, self->operator_choices,
                 pv_numbers_model_get_operator_filter (self->model));

  g_ptr_array_unref (self->country_choices);
  self->country_choices = pv_numbers_model_get_country_choices (self->model);
  gtk_string_list_append (country_names, _("Any Country"));
  for (guint i = 1; i < self->country_choices->len; i++)
    gtk_string_list_append (country_names, country_name (g_ptr_array_index (self->country_choices, i)));
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (country_names));
  select_choice (self->country_dropdown, self->country_choices,
                 pv_numbers_model_get_country_filter (self->model));

  self->updating = FALSE;
}

/* --- The list. --- */

static const char *
status_label (PvPhoneNumber *number)
{
  switch (pv_phone_number_get_status (number))
    {
    case PV_NUMBER_STATUS_ASSIGNED:
      return C_("number status", "Assigned");
    case PV_NUMBER_STATUS_PENDING:
      return C_("number status", "Pending");
    case PV_NUMBER_STATUS_UNASSIGNED:
    default:
      return C_("number status", "Unassigned");
    }
}

/* The number, and whom it is assigned to or its status: what the line
 * under the list says of the selected number, and what a screen reader
 * says of a row. */
static char *
describe_number (PvNumbersView *self,
                 PvPhoneNumber *number)
{
  PvUser *person = pv_numbers_model_get_person_of (self->model, number);

  if (person != NULL)
    /* Translators: the first %s is a phone number, the second a person. */
    return g_strdup_printf (_("%s, assigned to %s"), pv_phone_number_get_telephone_number (number),
                            person_label (person));
  /* Translators: the first %s is a phone number, the second its status. */
  return g_strdup_printf (_("%s, %s"), pv_phone_number_get_telephone_number (number), status_label (number));
}

static char *
cell_text (PvNumbersView *self,
           PvPhoneNumber *number,
           guint          column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (pv_phone_number_get_telephone_number (number));
    case COLUMN_TYPE:
      return g_strdup (pv_enum_get_label (PV_TYPE_NUMBER_TYPE, pv_phone_number_get_number_type (number)));
    case COLUMN_OPERATOR:
      return g_strdup (pv_numbers_model_get_operator_name (self->model, pv_phone_number_get_operator_id (number)));
    case COLUMN_COUNTRY:
      return g_strdup (country_name (pv_phone_number_get_country_code (number)));
    case COLUMN_STATUS:
      return g_strdup (status_label (number));
    case COLUMN_PERSON:
      {
        PvUser *person = pv_numbers_model_get_person_of (self->model, number);

        if (person != NULL)
          return g_strdup (person_label (person));
        return g_strdup (pv_phone_number_get_assigned_user_id (number));
      }
    case COLUMN_ADDRESS:
      {
        PvEmergencyAddress *address = pv_numbers_model_get_address_of (self->model, number);

        if (address != NULL)
          return g_strdup (pv_emergency_address_get_description (address));
        return NULL;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Names may be long, and seven columns do not fit a narrow window:
   * these may shorten, down to a few characters, rather than push the
   * last column out of sight. The selected number is written out in
   * full below the list, and screen readers read the whole text. */
  if (column == COLUMN_OPERATOR || column == COLUMN_PERSON || column == COLUMN_ADDRESS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

/* No tooltip: the columns are as wide as their text, and setting one at
 * each bind costs a round trip to the X server per cell (the pointer's
 * position), which was a fifth of the main loop's time while loading. */
static void
set_cell (PvNumbersView *self,
          GtkListItem   *item,
          guint          column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  /* GTK 4.8 names a column view's rows after their type
   * ("GtkListItemWidget"): the number's cell names its row (the row is
   * the cell's parent) for screen readers. */
  if (column == COLUMN_NUMBER && gtk_widget_get_parent (label) != NULL &&
      gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL)
    {
      g_autofree char *name = describe_number (self, gtk_list_item_get_item (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (label))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PvNumbersView            *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));

  set_cell (self, item, column);
  g_hash_table_insert (self->bound_cells, item, GUINT_TO_POINTER (column + 1));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PvNumbersView            *self)
{
  g_hash_table_remove (self->bound_cells, item);
}

static void
add_column (PvNumbersView *self,
            guint          column,
            const char    *title,
            int            fixed_width,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "pv-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* The labels of the rows on screen use lookups (operators, people,
 * addresses) that may arrive after the numbers: write those again once
 * they do, and only those, rather than rebinding the whole view. */
static void
refresh_cells (PvNumbersView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    set_cell (self, item, GPOINTER_TO_UINT (column) - 1);
}

/* --- The selection: the model's selected number, highlighted. --- */

static void
update_actions (PvNumbersView *self)
{
  PvPhoneNumber *number = selected_number (self);
  gboolean busy = pv_numbers_model_get_busy (self->model);
  gboolean idle = !busy && pv_numbers_model_get_client (self->model) != NULL;
  gboolean people_ready = idle && g_list_model_get_n_items (pv_numbers_model_get_people (self->model)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.assign", number != NULL && people_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.unassign", number != NULL && idle &&
                                 pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.release", number != NULL && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.emergency-address", number != NULL && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.new-address", idle);

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  if (busy)
    gtk_label_set_text (self->selection_label, pv_numbers_model_get_activity (self->model));
  else if (number == NULL)
    gtk_label_set_text (self->selection_label, _("Select a number to act on it."));
  else
    {
      g_autofree char *text = describe_number (self, number);

      gtk_label_set_text (self->selection_label, text);
    }
}

static void
highlight (PvNumbersView *self,
           guint          position)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

/* Highlights the model's selected number if the shown rows from @start
 * to @end hold it (it is looked for by identity: a replaced number is a
 * new object, and the old one is no longer the number's state). */
static gboolean
highlight_in (PvNumbersView *self,
              guint          start,
              guint          end)
{
  PvPhoneNumber *wanted = pv_numbers_model_get_selected (self->model);

  if (wanted == NULL)
    return FALSE;
  for (guint i = start; i < end; i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (number == wanted)
        {
          highlight (self, i);
          return TRUE;
        }
    }
  return FALSE;
}

/* The model's selection changed, or its number was replaced. */
static void
model_selected_cb (PvNumbersView *self)
{
  PvPhoneNumber *wanted = pv_numbers_model_get_selected (self->model);

  if (selected_number (self) != wanted &&
      !highlight_in (self, 0, g_list_model_get_n_items (G_LIST_MODEL (self->filtered))))
    highlight (self, GTK_INVALID_LIST_POSITION);
  update_actions (self);
}

/* The user highlighted a row (or none): that is the model's selection. A
 * row that leaves the shown list only takes the highlight with it. */
static void
highlight_changed_cb (PvNumbersView *self)
{
  PvPhoneNumber *number = selected_number (self);

  if (!self->syncing && !self->shown_changing)
    pv_numbers_model_select (self->model, number != NULL ? pv_phone_number_get_telephone_number (number) : NULL);
  update_actions (self);
}

/* A row that had the focus may leave the list (filtered out, released):
 * GTK then leaves the window without a focus, and the keyboard with
 * nowhere to start from. Put it back in the list, or on the search. */
static void
keep_focus (PvNumbersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_root_get_focus (root) != NULL)
    return;
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Connected before the selection model, to know its changes of
 * selection that come from the list changing, not from the user. */
static void
shown_changing_cb (PvNumbersView *self)
{
  self->shown_changing = TRUE;
}

/* And after it: the selected number may have come (back) into the rows
 * just added. */
static void
shown_changed_cb (GListModel    *shown,
                  guint          position,
                  guint          removed,
                  guint          added,
                  PvNumbersView *self)
{
  self->shown_changing = FALSE;
  if (selected_number (self) == NULL && added > 0)
    highlight_in (self, position, position + added);
  update_count (self);
  update_actions (self);
  keep_focus (self);
}

/* --- Actions: the model acts, the view says how it went. --- */

static void
action_done (PvNumbersView *self,
             GAsyncResult  *result,
             const char    *failure_heading)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *done = pv_numbers_model_action_finish (self->model, result, &error);

  if (done != NULL)
    toast (self, done);
  else if (g_error_matches (error, PV_NUMBERS_MODEL_ERROR, PV_NUMBERS_MODEL_ERROR_REFUSED))
    pv_manage_show_message (parent_window (self), _("This Number Cannot Be Assigned Yet"), error->message);
  else if (!is_cancelled (error))
    pv_manage_show_message (parent_window (self), failure_heading, error->message);
}

static void
unassigned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;

  action_done (self, result, _("The Number Was Not Unassigned"));
}

static void
released_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;

  action_done (self, result, _("The Number Was Not Released"));
}

static void
assigned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;

  action_done (self, result, _("The Number Was Not Assigned"));
}

static void
address_changed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;

  action_done (self, result, _("The Emergency Address Was Not Changed"));
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = selected_number (self);

  if (number != NULL)
    pv_numbers_model_unassign_async (self->model, pv_phone_number_get_telephone_number (number),
                                     self->cancellable, unassigned_cb, g_object_ref (self));
}

static void
release_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  PvNumbersView *self = g_object_get_data (G_OBJECT (dialog), "pv-view");
  const char *tel = g_object_get_data (G_OBJECT (dialog), "pv-number");

  if (g_strcmp0 (response, "release") == 0 && self != NULL)
    pv_numbers_model_release_async (self->model, tel, self->cancellable, released_cb, g_object_ref (self));
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = selected_number (self);
  g_autofree char *body = NULL;
  const char *tel;
  PvUser *person;
  GtkWidget *dialog;

  if (number == NULL)
    return;
  tel = pv_phone_number_get_telephone_number (number);
  person = pv_numbers_model_get_person_of (self->model, number);

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED)
    {
      /* The service refuses to release an assigned number: the two steps
       * the admin center asks for, in order, after one confirmation. */
      body = g_strdup_printf (/* Translators: the first %s is a phone number, the second a person. */
                              _("%s is assigned to %s. A number must be unassigned before it is "
                                "released: Provisio will unassign it, then release it. The person "
                                "can no longer be called on it, and the number leaves the tenant; "
                                "to have it again, order it from the operator."),
                              tel, person != NULL ? person_label (person) : pv_phone_number_get_assigned_user_id (number));
      dialog = adw_message_dialog_new (parent_window (self), _("Unassign and Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Unassign and Release"),
                                        NULL);
    }
  else
    {
      body = g_strdup_printf (/* Translators: %s is a phone number. */
                              _("%s leaves the tenant. To have it again, order it from the operator."),
                              tel);
      dialog = adw_message_dialog_new (parent_window (self), _("Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Release"),
                                        NULL);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "release",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pv-view", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "pv-number", g_strdup (tel), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (release_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * pv_numbers_view_assign_to:
 *
 * Assigns the selected number to @person, what the person chooser does
 * on Assign; a refusal the checks foresee is explained without calling
 * the service.
 */
void
pv_numbers_view_assign_to (PvNumbersView *self,
                           PvUser        *person)
{
  PvPhoneNumber *number;

  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));
  g_return_if_fail (PV_IS_USER (person));

  number = selected_number (self);
  if (number == NULL || pv_numbers_model_get_busy (self->model))
    return;
  pv_numbers_model_assign_async (self->model, pv_phone_number_get_telephone_number (number), person,
                                 self->cancellable, assigned_cb, g_object_ref (self));
}

static void
person_chosen_cb (PvNumbersView *self,
                  PvUser        *person)
{
  pv_numbers_view_assign_to (self, person);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = selected_number (self);
  GtkWidget *chooser;

  if (number == NULL)
    return;
  chooser = pv_person_chooser_new (parent_window (self), pv_numbers_model_get_people (self->model),
                                   pv_phone_number_get_telephone_number (number));
  g_signal_connect_object (chooser, "person-chosen", G_CALLBACK (person_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* --- Emergency addresses. --- */

static char *
address_label (PvEmergencyAddress *address)
{
  const char *parts[] = {
    pv_emergency_address_get_house_number (address),
    pv_emergency_address_get_street_name (address),
  };
  g_autofree char *street = NULL;
  const char *description = pv_emergency_address_get_description (address);
  const char *city = pv_emergency_address_get_city (address);
  const char *country = country_name (pv_emergency_address_get_country_code (address));

  street = g_strjoin (" ", parts[0] != NULL ? parts[0] : "", parts[1] != NULL ? parts[1] : "", NULL);
  g_strstrip (street);
  /* Translators: an emergency address in a list: its description, then
   * the street, the city and the country. */
  return g_strdup_printf (_("%s — %s, %s, %s"), description != NULL ? description : "",
                          street, city != NULL ? city : "", country != NULL ? country : "");
}

static void
address_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  PvNumbersView *self = g_object_get_data (G_OBJECT (dialog), "pv-view");
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "pv-dropdown");
  const char *tel = g_object_get_data (G_OBJECT (dialog), "pv-number");
  guint position;
  g_autoptr(PvEmergencyAddress) address = NULL;

  if (self == NULL)
    return;
  if (g_strcmp0 (response, "new") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "numbers.new-address", NULL);
      return;
    }
  if (g_strcmp0 (response, "save") != 0 || dropdown == NULL)
    return;
  position = gtk_drop_down_get_selected (dropdown);
  if (position != GTK_INVALID_LIST_POSITION)
    address = g_list_model_get_item (pv_numbers_model_get_addresses (self->model), position);
  if (address != NULL)
    pv_numbers_model_set_address_async (self->model, tel, pv_emergency_address_get_id (address),
                                        self->cancellable, address_changed_cb, g_object_ref (self));
}

static GtkWidget *
address_dropdown (PvNumbersView *self,
                  PvPhoneNumber *number)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (pv_numbers_model_get_addresses (self->model)); i++)
    {
      g_autoptr(PvEmergencyAddress) address = g_list_model_get_item (pv_numbers_model_get_addresses (self->model), i);
      g_autofree char *label = address_label (address);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (pv_emergency_address_get_id (address),
                     pv_phone_number_get_emergency_location_id (number)) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Emergency address"), -1);
  pv_a11y_name_drop_down (GTK_DROP_DOWN (dropdown), _("Emergency address"));
  return dropdown;
}

static void
emergency_address_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = selected_number (self);
  PvOperator *operator_;
  PvEmergencyAddress *current;
  g_autofree char *current_label = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  PvEmergencyModel model = PV_EMERGENCY_MODEL_ADMIN_ASSIGNS;

  if (number == NULL)
    return;

  operator_ = pv_numbers_model_get_operator_of (self->model, number);
  if (operator_ != NULL)
    model = pv_operator_get_emergency_model (operator_);
  current = pv_numbers_model_get_address_of (self->model, number);
  current_label = current != NULL ? address_label (current) : g_strdup (_("none"));
  /* Translators: %s is a phone number. */
  heading = g_strdup_printf (_("Emergency Address of %s"), pv_phone_number_get_telephone_number (number));

  if (model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED)
    {
      body = g_strdup_printf (/* Translators: the first %s is an address, the second and third an
                               * operator, the fourth a web address. */
                              _("Current address: %s.\n\n%s assigns the emergency addresses of its "
                                "numbers and locks them: only the operator can change this one. "
                                "To change it, contact %s: its website is listed in the Operator "
                                "Connect directory, %s."),
                              current_label, pv_operator_get_name (operator_), pv_operator_get_name (operator_),
                              OPERATOR_DIRECTORY_URL);
      dialog = adw_message_dialog_new (parent_window (self), heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS && operator_ != NULL)
    body = g_strdup_printf (/* Translators: the first %s is an operator, the second an address. */
                            _("%s assigned this number its emergency address, and lets you change "
                              "it. Current address: %s."),
                            pv_operator_get_name (operator_), current_label);
  else
    body = g_strdup_printf (/* Translators: %s is an address. */
                            _("You choose the emergency address of this number. Current address: %s."),
                            current_label);

  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_New Emergency Address…"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (g_list_model_get_n_items (pv_numbers_model_get_addresses (self->model)) > 0)
    {
      GtkWidget *dropdown = address_dropdown (self, number);

      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
      g_object_set_data (G_OBJECT (dialog), "pv-dropdown", dropdown);
    }
  else
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_object_set_data_full (G_OBJECT (dialog), "pv-view", g_object_ref (self), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "pv-number",
                          g_strdup (pv_phone_number_get_telephone_number (number)), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (address_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
address_created_cb (PvNumbersView      *self,
                    PvEmergencyAddress *address)
{
  g_autofree char *text = NULL;

  pv_numbers_model_add_address (self->model, address);
  /* Translators: %s is the description of an emergency address. */
  text = g_strdup_printf (_("The emergency address “%s” was created"),
                          pv_emergency_address_get_description (address));
  toast (self, text);
}

static void
new_address_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  GtkWidget *dialog = pv_address_dialog_new (parent_window (self), pv_numbers_model_get_client (self->model));

  g_signal_connect_object (dialog, "address-created", G_CALLBACK (address_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- The widget. --- */

static void
load_failed_cb (PvNumbersView *self,
                const char    *text)
{
  AdwToast *failure = adw_toast_new (text);

  adw_toast_set_timeout (failure, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, failure);
}

static void
loading_changed_cb (PvNumbersView *self)
{
  update_count (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
busy_changed_cb (PvNumbersView *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
pv_numbers_view_dispose (GObject *object)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_NUMBERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  if (self->model != NULL)
    pv_numbers_model_set_client (self->model, NULL);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pv_numbers_view_parent_class)->dispose (object);
}

static void
pv_numbers_view_finalize (GObject *object)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->bound_cells);
  g_ptr_array_unref (self->operator_choices);
  g_ptr_array_unref (self->country_choices);

  G_OBJECT_CLASS (pv_numbers_view_parent_class)->finalize (object);
}

static void
pv_numbers_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, pv_numbers_model_get_client (self->model));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, pv_numbers_model_get_loading (self->model));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, pv_numbers_model_get_busy (self->model));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_numbers_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      pv_numbers_view_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PV_NUMBERS_VIEW (widget)->search_entry));
}

static void
pv_numbers_view_class_init (PvNumbersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_numbers_view_dispose;
  object_class->finalize = pv_numbers_view_finalize;
  object_class->get_property = pv_numbers_view_get_property;
  object_class->set_property = pv_numbers_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PV_TYPE_SERVICE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-numbers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, operator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, filters_box);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, selection_label);

  gtk_widget_class_install_action (widget_class, "numbers.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "numbers.unassign", NULL, unassign_action);
  gtk_widget_class_install_action (widget_class, "numbers.release", NULL, release_action);
  gtk_widget_class_install_action (widget_class, "numbers.emergency-address", NULL, emergency_address_action);
  gtk_widget_class_install_action (widget_class, "numbers.new-address", NULL, new_address_action);
  gtk_widget_class_install_action (widget_class, "numbers.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_numbers_view_init (PvNumbersView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->model = pv_numbers_model_new ();
  self->cancellable = g_cancellable_new ();
  self->bound_cells = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->operator_choices = g_ptr_array_new_with_free_func (g_free);
  self->country_choices = g_ptr_array_new_with_free_func (g_free);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (pv_numbers_model_get_numbers (self->model)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (shown_changing_cb), self,
                           G_CONNECT_SWAPPED);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Columns as wide as their text; the view scrolls sideways when the
   * window is too narrow for all of them, rather than cutting words. */
  add_column (self, COLUMN_NUMBER, _("Number"), 0, FALSE);
  add_column (self, COLUMN_TYPE, _("Type"), 0, FALSE);
  add_column (self, COLUMN_OPERATOR, _("Operator"), 0, FALSE);
  add_column (self, COLUMN_COUNTRY, _("Country"), 0, FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), 0, FALSE);
  add_column (self, COLUMN_PERSON, _("Assigned To"), 0, TRUE);
  add_column (self, COLUMN_ADDRESS, _("Emergency Address"), 0, TRUE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->operator_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (highlight_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (shown_changed_cb), self,
                           G_CONNECT_AFTER);
  g_signal_connect_object (self->model, "filter-changed", G_CALLBACK (model_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "choices-changed", G_CALLBACK (rebuild_choices), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "lookups-changed", G_CALLBACK (refresh_cells), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "load-failed", G_CALLBACK (load_failed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::selected", G_CALLBACK (model_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::activity", G_CALLBACK (busy_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The filters are named by what they choose (their tooltips say the
   * same), and the buttons by their labels without the mnemonic marker. */
  pv_a11y_name_drop_down (self->type_dropdown, _("Number type"));
  pv_a11y_name_drop_down (self->operator_dropdown, _("Operator"));
  pv_a11y_name_drop_down (self->country_dropdown, _("Country"));
  pv_a11y_name_drop_down (self->status_dropdown, _("Status"));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));
  /* The column view's header is a row of its own, named after its type
   * in GTK 4.8: say what it is. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_ROW)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column headers"), -1);

  /* Ctrl+F searches wherever the focus is in the window, even when the
   * view holds none (a binding would need it inside the view). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("numbers.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  /* The flow boxes only lay the controls out: the wrappers they put
   * around them would otherwise be Tab stops of their own, unnamed. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filters_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  rebuild_choices (self);
  update_count (self);
  update_actions (self);
}

GtkWidget *
pv_numbers_view_new (void)
{
  return g_object_new (PV_TYPE_NUMBERS_VIEW, NULL);
}

/**
 * pv_numbers_view_set_client:
 *
 * Loads the tenant's numbers (and the operators, people and emergency
 * addresses they refer to) from @client's service.
 */
void
pv_numbers_view_set_client (PvNumbersView   *self,
                            PvServiceClient *client)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));
  g_return_if_fail (client == NULL || PV_IS_SERVICE_CLIENT (client));

  if (pv_numbers_model_get_client (self->model) == client)
    return;
  pv_numbers_model_set_client (self->model, client);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * pv_numbers_view_get_model:
 *
 * Returns: (transfer none): what the view shows
 */
PvNumbersModel *
pv_numbers_view_get_model (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return self->model;
}

gboolean
pv_numbers_view_get_loading (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  return pv_numbers_model_get_loading (self->model);
}

gboolean
pv_numbers_view_get_busy (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  return pv_numbers_model_get_busy (self->model);
}

GListModel *
pv_numbers_view_get_numbers (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return pv_numbers_model_get_numbers (self->model);
}

/**
 * pv_numbers_view_get_shown:
 *
 * Returns: (transfer none): the numbers the search and filters show
 *   (filtering may still be under way: see gtk_filter_list_model_get_pending())
 */
GListModel *
pv_numbers_view_get_shown (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GListModel *
pv_numbers_view_get_people (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return pv_numbers_model_get_people (self->model);
}

GListModel *
pv_numbers_view_get_addresses (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return pv_numbers_model_get_addresses (self->model);
}

/**
 * pv_numbers_view_set_filter:
 * @operator_id: (nullable): show this operator's numbers only
 * @country_code: (nullable): show this country's numbers only
 *
 * Shows the numbers of an operator in a country, whatever their type
 * and status: the ones that stop the operator or the country being
 * removed. The search is cleared.
 */
void
pv_numbers_view_set_filter (PvNumbersView *self,
                            const char    *operator_id,
                            const char    *country_code)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
  pv_numbers_model_set_search (self->model, NULL);
  pv_numbers_model_set_filters (self->model, -1, operator_id, country_code, PV_NUMBERS_SHOW_ANY);
  rebuild_choices (self);
}

/**
 * pv_numbers_view_set_search:
 *
 * Types @text in the search entry; the list follows when the entry
 * emits its (delayed) search-changed, or at once here.
 */
void
pv_numbers_view_set_search (PvNumbersView *self,
                            const char    *text)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * pv_numbers_view_select:
 *
 * Selects @telephone_number if the search and filters show it.
 *
 * Returns: whether it is shown and selected
 */
gboolean
pv_numbers_view_select (PvNumbersView *self,
                        const char    *telephone_number)
{
  GListModel *shown;

  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (shown, i);

      if (g_strcmp0 (pv_phone_number_get_telephone_number (number), telephone_number) == 0)
        {
          pv_numbers_model_select (self->model, telephone_number);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * pv_numbers_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected number, as shown
 */
PvPhoneNumber *
pv_numbers_view_get_selected (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return selected_number (self);
}
