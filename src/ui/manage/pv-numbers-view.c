/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-address-dialog.h"
#include "pv-manage-util.h"
#include "pv-number-columns.h"
#include "pv-number-dialogs.h"
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

struct _PvNumbersView
{
  GtkWidget           parent_instance;

  PvNumbersModel     *model;
  GCancellable       *cancellable;
  PvNumberColumns    *columns;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *operator_choices; /* ids, [0] NULL for any */
  GPtrArray          *country_choices;  /* codes, [0] NULL for any */
  gboolean            updating;         /* the drop-downs are set from the model */
  gboolean            syncing;          /* the highlight is set from the model */
  gboolean            shown_changing;   /* the shown list is changing */
  gboolean            show_from_top;    /* the next refilter starts the list over */

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
  /* PvNumbersChange has GtkFilterChange's values. A filter set from
   * elsewhere shows another list, from its top, rather than the rows
   * added around the ones that were on screen. */
  if (self->show_from_top)
    change = GTK_FILTER_CHANGE_DIFFERENT;
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
    gtk_string_list_append (country_names, pv_numbers_country_name (g_ptr_array_index (self->country_choices, i)));
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (country_names));
  select_choice (self->country_dropdown, self->country_choices,
                 pv_numbers_model_get_country_filter (self->model));

  self->updating = FALSE;
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
      g_autofree char *text = pv_number_columns_describe (self->model, number);

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
 * just added; and a selection model that moved the highlight to another
 * row when the selected one left must not have the actions apply there. */
static void
shown_changed_cb (GListModel    *shown,
                  guint          position,
                  guint          removed,
                  guint          added,
                  PvNumbersView *self)
{
  self->shown_changing = FALSE;
  if (selected_number (self) != pv_numbers_model_get_selected (self->model) &&
      !highlight_in (self, position, position + added) && selected_number (self) != NULL)
    highlight (self, GTK_INVALID_LIST_POSITION);
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
  GtkWidget *dialog;

  if (number == NULL)
    return;
  dialog = pv_number_release_dialog_new (parent_window (self), self->model, number);
  g_object_set_data_full (G_OBJECT (dialog), "pv-view", g_object_ref (self), g_object_unref);
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

static void
address_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  PvNumbersView *self = g_object_get_data (G_OBJECT (dialog), "pv-view");
  const char *tel = g_object_get_data (G_OBJECT (dialog), "pv-number");
  g_autoptr(PvEmergencyAddress) address = NULL;

  if (self == NULL)
    return;
  if (g_strcmp0 (response, "new") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "numbers.new-address", NULL);
      return;
    }
  if (g_strcmp0 (response, "save") != 0)
    return;
  address = pv_number_address_dialog_get_address (dialog, self->model);
  if (address != NULL)
    pv_numbers_model_set_address_async (self->model, tel, pv_emergency_address_get_id (address),
                                        self->cancellable, address_changed_cb, g_object_ref (self));
}

static void
emergency_address_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = selected_number (self);
  GtkWidget *dialog;

  if (number == NULL)
    return;
  dialog = pv_number_address_dialog_new (parent_window (self), self->model, number);
  g_object_set_data_full (G_OBJECT (dialog), "pv-view", g_object_ref (self), g_object_unref);
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
  g_clear_object (&self->columns);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (pv_numbers_view_parent_class)->dispose (object);
}

static void
pv_numbers_view_finalize (GObject *object)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  g_clear_object (&self->cancellable);
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
  self->columns = pv_number_columns_new (self->model);
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

  pv_number_columns_attach (self->columns, self->column_view);

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
  g_signal_connect_object (self->model, "lookups-changed", G_CALLBACK (pv_number_columns_refresh),
                           self->columns, G_CONNECT_SWAPPED);
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
  self->show_from_top = TRUE;
  pv_numbers_model_set_search (self->model, NULL);
  pv_numbers_model_set_filters (self->model, -1, operator_id, country_code, PV_NUMBERS_SHOW_ANY);
  self->show_from_top = FALSE;
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
