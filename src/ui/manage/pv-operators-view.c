/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-countries-dialog.h"
#include "pv-iso-codes.h"
#include "pv-manage-util.h"
#include "pv-numbers-view.h"
#include "pv-operator.h"
#include "pv-operators-view.h"
#include "pv-service-error.h"
#include "pv-tenant-operator.h"
#include "pv-voice-calls.h"
#include "pv-window.h"

/* My Operators: the operators the tenant added, their status and
 * countries, and what can be done with each. A refusal because numbers
 * remain is explained with the numbers, and leads to them. */

struct _PvOperatorsView
{
  GtkWidget        parent_instance;

  PvServiceClient *client;
  GCancellable    *cancellable;
  GListStore      *catalogue;
  GListStore      *tenant_operators;
  guint            n_running;

  AdwToastOverlay *toast_overlay;
  GtkSpinner      *spinner;
  GtkListBox      *operators_list;
  GtkLabel        *status_label;
};

G_DEFINE_FINAL_TYPE (PvOperatorsView, pv_operators_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SHOW_NUMBERS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void reload (PvOperatorsView *self);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
}

static GtkWindow *
parent_window (PvOperatorsView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
set_running (PvOperatorsView *self,
             gboolean         started,
             const char      *what)
{
  gboolean was_busy = self->n_running > 0;

  if (started)
    self->n_running++;
  else if (self->n_running > 0)
    self->n_running--;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->n_running > 0);
  gtk_spinner_set_spinning (self->spinner, self->n_running > 0);
  if (what != NULL)
    gtk_label_set_text (self->status_label, what);
  else if (self->n_running == 0)
    gtk_label_set_text (self->status_label, "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->operators_list), self->n_running == 0);
  if (was_busy != (self->n_running > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static PvTenantOperator *
tenant_operator (PvOperatorsView *self,
                 const char      *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tenant_operators)); i++)
    {
      g_autoptr(PvTenantOperator) operator_ = g_list_model_get_item (G_LIST_MODEL (self->tenant_operators), i);

      if (g_strcmp0 (pv_tenant_operator_get_operator_id (operator_), id) == 0)
        return operator_;
    }
  return NULL;
}

static const char *
operator_name (PvOperatorsView *self,
               const char      *id)
{
  g_autoptr(PvOperator) operator_ = pv_operator_find (G_LIST_MODEL (self->catalogue), id);

  /* The catalogue keeps the operator, and so its name. */
  return operator_ != NULL ? pv_operator_get_name (operator_) : id;
}

static char *
country_list (const char * const *codes)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      const char *name = pv_iso_codes_get_country_name (codes[i]);

      g_ptr_array_add (names, (gpointer) (name != NULL ? name : codes[i]));
    }
  g_ptr_array_add (names, NULL);
  /* Translators: the separator between the countries of a list. */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

static GtkWidget *
create_row (PvOperatorsView  *self,
            PvTenantOperator *operator_)
{
  const char *id = pv_tenant_operator_get_operator_id (operator_);
  const char *name = operator_name (self, id);
  gboolean suspended = pv_tenant_operator_get_status (operator_) == PV_OPERATOR_STATUS_SUSPENDED;
  g_autofree char *countries = country_list (pv_tenant_operator_get_countries (operator_));
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status = gtk_label_new (pv_operator_status_get_label (pv_tenant_operator_get_status (operator_)));
  GtkWidget *button = gtk_menu_button_new ();

  /* Translators: %s is the list of countries an operator serves the tenant in. */
  subtitle = g_strdup_printf (_("Countries: %s"), countries);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  gtk_widget_add_css_class (status, suspended ? "warning" : "success");
  gtk_widget_add_css_class (status, "caption-heading");
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);

  item = g_menu_item_new (_("_Manage Countries…"), NULL);
  g_menu_item_set_action_and_target (item, "operators.countries", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (suspended ? _("Re_sume") : _("_Suspend"), NULL);
  g_menu_item_set_action_and_target (item, suspended ? "operators.resume" : "operators.suspend", "s", id);
  g_menu_append_item (menu, item);
  g_clear_object (&item);
  item = g_menu_item_new (_("_Remove…"), NULL);
  g_menu_item_set_action_and_target (item, "operators.remove", "s", id);
  g_menu_append_item (menu, item);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: %s is an operator. */
  menu_label = g_strdup_printf (_("Actions for %s"), name);
  gtk_widget_set_tooltip_text (button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  /* The row makes its title label the widget it activates; with the
   * label above, a screen reader read "Actions for X X". */
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  g_object_set_data_full (G_OBJECT (row), "pv-operator", g_strdup (id), g_free);
  return row;
}

static void
rebuild (PvOperatorsView *self)
{
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tenant_operators));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->operators_list))))
    gtk_list_box_remove (self->operators_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvTenantOperator) operator_ = g_list_model_get_item (G_LIST_MODEL (self->tenant_operators), i);

      gtk_list_box_append (self->operators_list, create_row (self, operator_));
    }
  if (n == 0 && self->n_running == 0)
    gtk_label_set_text (self->status_label,
                        _("You have not added an operator yet. Use Connect an Operator on the start page."));
}

static void
show_failure (PvOperatorsView *self,
              const char      *heading,
              const GError    *error)
{
  pv_manage_show_message (parent_window (self), heading, error->message);
}

/* --- Loading. --- */

static void
tenant_operators_loaded_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(PvOperatorsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_tenant_operators_finish (PV_SERVICE_CLIENT (object), result, &error) &&
      is_cancelled (error))
    return;
  set_running (self, FALSE, NULL);
  if (error != NULL)
    gtk_label_set_text (self->status_label, error->message);
  rebuild (self);
}

static void
catalogue_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvOperatorsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error) &&
      is_cancelled (error))
    return;
  /* Without the catalogue the operators still show, by their ids. */
  pv_service_client_list_tenant_operators_async (self->client, self->tenant_operators, self->cancellable,
                                                 tenant_operators_loaded_cb, g_object_ref (self));
}

static void
reload (PvOperatorsView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->catalogue);
  g_list_store_remove_all (self->tenant_operators);
  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  set_running (self, TRUE, _("Loading your operators…"));
  pv_service_client_list_operators_async (self->client, NULL, PV_OPERATOR_SERVICE_NONE, self->catalogue,
                                          self->cancellable, catalogue_loaded_cb, g_object_ref (self));
}

/* --- Changes. --- */

typedef struct
{
  PvOperatorsView *self;
  char            *operator_id;
  char            *country;      /* the one country dropped, if only one */
  char            *heading;      /* if refused */
  char            *done;
} Change;

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_free (change->operator_id);
  g_free (change->country);
  g_free (change->heading);
  g_free (change->done);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (PvOperatorsView *self,
            const char      *operator_id)
{
  Change *change = g_new0 (Change, 1);

  change->self = g_object_ref (self);
  change->operator_id = g_strdup (operator_id);
  return change;
}

static void
show_numbers (PvOperatorsView *self,
              const char      *operator_id,
              const char      *country)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), PV_TYPE_WINDOW);

  g_signal_emit (self, signals[SHOW_NUMBERS], 0, operator_id, country);

  /* Opening the view destroys this one: nothing may touch self after. */
  if (window != NULL)
    {
      GtkWidget *numbers = pv_window_open_view (PV_WINDOW (window), pv_views_lookup ("numbers"));

      pv_numbers_view_set_filter (PV_NUMBERS_VIEW (numbers), operator_id, country);
    }
}

static void
refusal_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(Change) change = user_data;

  if (g_strcmp0 (response, "show-numbers") == 0)
    show_numbers (change->self, change->operator_id, change->country);
}

static void
finish_change (Change       *change,
               gboolean      ok,
               const GError *error)
{
  PvOperatorsView *self = change->self;

  set_running (self, FALSE, NULL);
  if (ok)
    {
      if (change->done != NULL)
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (change->done));
      reload (self);
      change_free (change);
      return;
    }
  if (is_cancelled (error))
    {
      change_free (change);
      return;
    }
  if (g_strcmp0 (pv_service_error_get_service_code (error), "numbersStillAssigned") == 0)
    {
      /* The message names the numbers and says what to do first; the
       * button takes the user to them. */
      GtkWidget *dialog = adw_message_dialog_new (parent_window (self), change->heading, error->message);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "show-numbers", _("_Show These Numbers"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show-numbers",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "show-numbers");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect (dialog, "response", G_CALLBACK (refusal_response_cb), change);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  show_failure (self, change->heading, error);
  change_free (change);
}

static void
countries_set_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PvTenantOperator) operator_ = NULL;
  g_autoptr(GError) error = NULL;

  operator_ = pv_service_client_set_operator_countries_finish (PV_SERVICE_CLIENT (object), result, &error);
  finish_change (user_data, operator_ != NULL, error);
}

/**
 * pv_operators_view_set_countries:
 *
 * Asks the service to use @operator_id in exactly @countries, what
 * Save in Manage Countries does.
 */
void
pv_operators_view_set_countries (PvOperatorsView    *self,
                                 const char         *operator_id,
                                 const char * const *countries)
{
  PvTenantOperator *current;
  const char * const *before;
  Change *change;
  guint n_dropped = 0;

  g_return_if_fail (PV_IS_OPERATORS_VIEW (self));
  g_return_if_fail (self->client != NULL);

  change = change_new (self, operator_id);
  current = tenant_operator (self, operator_id);
  before = current != NULL ? pv_tenant_operator_get_countries (current) : NULL;
  for (guint i = 0; before != NULL && before[i] != NULL; i++)
    if (!g_strv_contains (countries, before[i]))
      {
        n_dropped++;
        g_free (change->country);
        change->country = g_strdup (before[i]);
      }
  /* Several countries dropped: the numbers to see are all the operator's. */
  if (n_dropped != 1)
    g_clear_pointer (&change->country, g_free);

  change->heading = g_strdup (n_dropped > 1 ? _("The Countries Were Not Removed") :
                              n_dropped == 1 ? _("The Country Was Not Removed") :
                              _("The Countries Were Not Changed"));
  /* Translators: %s is an operator. */
  change->done = g_strdup_printf (_("The countries of %s were changed"), operator_name (self, operator_id));
  set_running (self, TRUE, _("Changing the countries…"));
  pv_service_client_set_operator_countries_async (self->client, operator_id, countries, self->cancellable,
                                                  countries_set_cb, change);
}

static void
countries_chosen_cb (GtkWidget  *dialog,
                     GStrv       countries,
                     gpointer    user_data)
{
  PvOperatorsView *self = user_data;
  const char *operator_id = g_object_get_data (G_OBJECT (dialog), "pv-operator");

  pv_operators_view_set_countries (self, operator_id, (const char * const *) countries);
}

static void
countries_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PvOperatorsView *self = PV_OPERATORS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  g_autoptr(PvOperator) operator_ = pv_operator_find (G_LIST_MODEL (self->catalogue), id);
  PvTenantOperator *current = tenant_operator (self, id);
  GtkWidget *dialog;

  if (operator_ == NULL || current == NULL)
    return;
  dialog = pv_countries_dialog_new (parent_window (self), operator_, pv_tenant_operator_get_countries (current));
  g_object_set_data_full (G_OBJECT (dialog), "pv-operator", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "countries-chosen", G_CALLBACK (countries_chosen_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
status_changed_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Change *change = user_data;
  g_autoptr(PvTenantOperator) operator_ = NULL;
  g_autoptr(GError) error = NULL;

  if (g_async_result_is_tagged (result, pv_service_client_suspend_operator_async))
    operator_ = pv_service_client_suspend_operator_finish (PV_SERVICE_CLIENT (object), result, &error);
  else
    operator_ = pv_service_client_resume_operator_finish (PV_SERVICE_CLIENT (object), result, &error);
  finish_change (change, operator_ != NULL, error);
}

static void
suspend_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PvOperatorsView *self = PV_OPERATORS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  Change *change = change_new (self, id);
  gboolean suspend = g_str_equal (action_name, "operators.suspend");

  change->heading = g_strdup (suspend ? _("The Operator Was Not Suspended") : _("The Operator Was Not Resumed"));
  change->done = g_strdup_printf (suspend ?
                                  /* Translators: %s is an operator. */
                                  _("%s is suspended") :
                                  /* Translators: %s is an operator. */
                                  _("%s is active again"),
                                  operator_name (self, id));
  if (suspend)
    {
      set_running (self, TRUE, _("Suspending the operator…"));
      pv_service_client_suspend_operator_async (self->client, id, self->cancellable, status_changed_cb, change);
    }
  else
    {
      set_running (self, TRUE, _("Resuming the operator…"));
      pv_service_client_resume_operator_async (self->client, id, self->cancellable, status_changed_cb, change);
    }
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pv_service_client_remove_operator_finish (PV_SERVICE_CLIENT (object), result, &error);

  finish_change (user_data, ok, error);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Change *change = user_data;

  if (g_strcmp0 (response, "remove") != 0)
    {
      change_free (change);
      return;
    }
  set_running (change->self, TRUE, _("Removing the operator…"));
  pv_service_client_remove_operator_async (change->self->client, change->operator_id,
                                           change->self->cancellable, removed_cb, change);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PvOperatorsView *self = PV_OPERATORS_VIEW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  const char *name = operator_name (self, id);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Change *change = change_new (self, id);

  change->heading = g_strdup (_("The Operator Was Not Removed"));
  /* Translators: %s is an operator. */
  change->done = g_strdup_printf (_("%s was removed"), name);
  /* Translators: %s is an operator. */
  heading = g_strdup_printf (_("Remove %s?"), name);
  body = g_strdup_printf (/* Translators: %s is an operator. */
                          _("The tenant stops using %s in every country. This is refused while "
                            "numbers of the operator remain: unassign them and release them with "
                            "the operator first. To use the operator again, add it again with "
                            "Connect an Operator."), name);
  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (remove_response_cb), change);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- The widget. --- */

static void
pv_operators_view_dispose (GObject *object)
{
  PvOperatorsView *self = PV_OPERATORS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_OPERATORS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->tenant_operators);

  G_OBJECT_CLASS (pv_operators_view_parent_class)->dispose (object);
}

static void
pv_operators_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PvOperatorsView *self = PV_OPERATORS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->n_running > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operators_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      pv_operators_view_set_client (PV_OPERATORS_VIEW (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operators_view_class_init (PvOperatorsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operators_view_dispose;
  object_class->get_property = pv_operators_view_get_property;
  object_class->set_property = pv_operators_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PV_TYPE_SERVICE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvOperatorsView::show-numbers:
   * @operator_id: the operator whose numbers block a change
   * @country: (nullable): the country, when one was being removed
   */
  signals[SHOW_NUMBERS] =
    g_signal_new ("show-numbers",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-operators-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorsView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorsView, operators_list);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorsView, status_label);

  gtk_widget_class_install_action (widget_class, "operators.countries", "s", countries_action);
  gtk_widget_class_install_action (widget_class, "operators.suspend", "s", suspend_action);
  gtk_widget_class_install_action (widget_class, "operators.resume", "s", suspend_action);
  gtk_widget_class_install_action (widget_class, "operators.remove", "s", remove_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_operators_view_init (PvOperatorsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  self->catalogue = g_list_store_new (PV_TYPE_OPERATOR);
  self->tenant_operators = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
}

GtkWidget *
pv_operators_view_new (void)
{
  return g_object_new (PV_TYPE_OPERATORS_VIEW, NULL);
}

void
pv_operators_view_set_client (PvOperatorsView *self,
                              PvServiceClient *client)
{
  g_return_if_fail (PV_IS_OPERATORS_VIEW (self));
  g_return_if_fail (client == NULL || PV_IS_SERVICE_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
pv_operators_view_get_busy (PvOperatorsView *self)
{
  g_return_val_if_fail (PV_IS_OPERATORS_VIEW (self), FALSE);

  return self->n_running > 0;
}

GListModel *
pv_operators_view_get_tenant_operators (PvOperatorsView *self)
{
  g_return_val_if_fail (PV_IS_OPERATORS_VIEW (self), NULL);

  return G_LIST_MODEL (self->tenant_operators);
}
