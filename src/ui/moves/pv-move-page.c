/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-export-buttons.h"
#include "pv-export.h"
#include "pv-iso-codes.h"
#include "pv-move-flow.h"
#include "pv-move-page.h"
#include "pv-operator.h"
#include "pv-service-error.h"

/* The pages of a guided move: pick the people, pick the operator, the
 * country and where the numbers come from, read the warning, review,
 * then the run with each step's outcome per person. They read and write
 * the flow's state only; the rows are rebuilt when it changes, which is
 * cheap for the few people a move concerns at a time. */

struct _PvMovePage
{
  PvPage          parent_instance;

  PvMoveFlow     *flow;
  PvMovePageRole  role;
  gboolean        rebuilding;

  /* The run page. */
  PvRunner       *runner;
  GCancellable   *cancellable;
  GHashTable     *rows;      /* user id → AdwExpanderRow */

  GtkLabel       *description_label;
  GtkWidget      *warning_box;
  GtkLabel       *warning_label;
  GtkWidget      *progress_box;
  GtkProgressBar *progress_bar;
  GtkButton      *again_button;
  GtkWidget      *export_group;
  GtkButton      *xml_button;
  GtkButton      *ps1_button;
  GtkButton      *csv_button;
  GtkListBox     *options_list;
  GtkListBox     *people_list;

  /* What the people page was built for. */
  gboolean        built_loading;
  guint           built_n;
  guint           rebuild_source;
};

G_DEFINE_FINAL_TYPE (PvMovePage, pv_move_page, PV_TYPE_PAGE)

static void rebuild (PvMovePage *self);

static gboolean
is_direct_routing (PvMovePage *self)
{
  return pv_move_flow_get_kind (self->flow) == PV_MOVE_KIND_DIRECT_ROUTING;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static void
set_complete (PvMovePage *self,
              const char *reason)
{
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

/* Whether the plan lets the page of @step go on, and why not. */
static void
step_status (PvMovePage     *self,
             PvMovePlanStep  step)
{
  g_autofree char *reason = NULL;

  pv_move_plan_get_step_status (pv_move_flow_get_plan (self->flow), step, &reason);
  set_complete (self, reason);
}

/* --- People. --- */

static void
person_toggled_cb (GtkCheckButton *check,
                   PvMovePage     *self)
{
  if (self->rebuilding)
    return;
  pv_move_plan_set_selected (pv_move_flow_get_plan (self->flow), g_object_get_data (G_OBJECT (check), "pv-user-id"),
                             gtk_check_button_get_active (check));
}

static char *
number_subtitle (PvMovePage *self,
                 PvUser     *user)
{
  const char *id = pv_user_get_id (user);
  const char *number = pv_move_plan_get_current_number (pv_move_flow_get_plan (self->flow), id);

  if (!is_direct_routing (self))
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("Calling Plan number %s"), number);
  if (pv_move_plan_get_on_premises (pv_move_flow_get_plan (self->flow), id))
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("%s, assigned on-premises (OnPremLineURI)"), number);
  /* Translators: %s is a phone number. */
  return g_strdup_printf (_("%s, assigned online"), number);
}

static void
build_people (PvMovePage *self)
{
  GListModel *candidates = pv_move_plan_get_candidates (pv_move_flow_get_plan (self->flow));
  guint n = g_list_model_get_n_items (candidates);

  gtk_label_set_text (self->description_label,
                      is_direct_routing (self)
                        ? _("Choose the people whose Direct Routing number moves to Operator Connect. Only TeamsOnly users with Phone System can get an Operator Connect number; the others are listed with what to do first.")
                        : _("Choose the people whose Calling Plan number moves to Operator Connect. Only TeamsOnly users with Phone System can get an Operator Connect number; the others are listed with what to do first."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);
      g_autofree char *numbers = number_subtitle (self, user);
      g_autofree char *problem = pv_move_plan_dup_problem (pv_move_flow_get_plan (self->flow), user);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *check = gtk_check_button_new ();

      if (problem != NULL)
        /* Translators: %1$s describes a phone number, %2$s why the person cannot be moved. */
        subtitle = g_strdup_printf (_("%1$s — %2$s"), numbers, problem);
      row = text_row (pv_user_get_display_name (user), subtitle != NULL ? subtitle : numbers);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (check), "pv-user-id", g_strdup (pv_user_get_id (user)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   pv_move_plan_get_selected (pv_move_flow_get_plan (self->flow), pv_user_get_id (user)));
      g_signal_connect_object (check, "toggled", G_CALLBACK (person_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      /* The row labels its activatable widget with its title: a label
       * set on the check button as well would be read twice. */
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_widget_set_sensitive (row, problem == NULL);
      gtk_list_box_append (self->people_list, row);
    }

  if (pv_move_flow_get_loading (self->flow))
    gtk_list_box_append (self->people_list, text_row (_("Reading the tenant…"), NULL));
  else if (pv_move_flow_get_load_error (self->flow) != NULL)
    gtk_list_box_append (self->people_list, text_row (pv_move_flow_get_load_error (self->flow), NULL));
  else if (n == 0)
    gtk_list_box_append (self->people_list,
                         text_row (is_direct_routing (self) ? _("Nobody in the tenant has a Direct Routing number.")
                                                            : _("Nobody in the tenant has a Calling Plan number."),
                                   NULL));

  self->built_loading = pv_move_flow_get_loading (self->flow);
  self->built_n = n;
  step_status (self, PV_MOVE_PLAN_STEP_PEOPLE);
}

/* The choice may come from elsewhere than the boxes (a selection kept
 * from before, a test): the boxes follow it without a rebuild, which
 * would move the focus. */
static void
sync_people (PvMovePage *self)
{
  self->rebuilding = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *check = ADW_IS_ACTION_ROW (row) ? adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)) : NULL;
      const char *id = check != NULL ? g_object_get_data (G_OBJECT (check), "pv-user-id") : NULL;

      if (id != NULL)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), pv_move_plan_get_selected (pv_move_flow_get_plan (self->flow), id));
    }
  self->rebuilding = FALSE;
}

/* --- Operator, country, numbers. --- */

static void
operator_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      PvMovePage  *self)
{
  PvOperator *operator_ = adw_combo_row_get_selected_item (row);

  if (self->rebuilding || operator_ == NULL)
    return;
  pv_move_plan_set_operator_id (pv_move_flow_get_plan (self->flow), pv_operator_get_id (operator_));
}

static void
country_selected_cb (AdwComboRow *row,
                     GParamSpec  *pspec,
                     PvMovePage  *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  if (self->rebuilding || item == NULL)
    return;
  pv_move_plan_set_country (pv_move_flow_get_plan (self->flow), g_object_get_data (G_OBJECT (item), "pv-code"));
}

static void
source_toggled_cb (GtkCheckButton *check,
                   PvMovePage     *self)
{
  if (self->rebuilding || !gtk_check_button_get_active (check))
    return;
  pv_move_plan_set_use_operator_numbers (pv_move_flow_get_plan (self->flow),
                                         GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "pv-use")));
}

static char *
operator_name_cb (PvOperator *operator_)
{
  return g_strdup (pv_operator_get_name (operator_));
}

static GtkWidget *
radio_row (PvMovePage     *self,
           GtkCheckButton *group,
           const char     *title,
           const char     *subtitle,
           gboolean        use,
           gboolean        active)
{
  GtkWidget *row = text_row (title, subtitle);
  /* GTK 4.8 tells a screen reader that a grouped check button is a
   * check box; these are one choice of two. */
  GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON, "accessible-role", GTK_ACCESSIBLE_ROLE_RADIO, NULL);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_object_set_data (G_OBJECT (check), "pv-use", GINT_TO_POINTER (use));
  g_signal_connect_object (check, "toggled", G_CALLBACK (source_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

/* What @target means for the person @id: their number kept (the
 * operator takes it over), another one, or none left. */
static char *
target_subtitle (PvMovePage *self,
                 const char *id,
                 const char *target)
{
  const char *current = pv_move_plan_get_current_number (pv_move_flow_get_plan (self->flow), id);

  if (target == NULL)
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("%s → no free number left: the operator has to provide one"), current);
  if (g_strcmp0 (current, target) == 0)
    /* Translators: %1$s is a phone number, %2$s an operator. */
    return g_strdup_printf (_("%1$s, kept: it becomes a number of %2$s"), current,
                            pv_move_plan_get_operator_name (pv_move_flow_get_plan (self->flow)));
  /* Translators: %1$s and %2$s are phone numbers. */
  return g_strdup_printf (_("%1$s → %2$s"), current, target);
}

static void
build_operator (PvMovePage *self)
{
  GListModel *operators = pv_move_plan_get_operators (pv_move_flow_get_plan (self->flow));
  g_auto(GStrv) countries = NULL;
  g_autoptr(GListStore) country_items = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr(GListStore) operator_items = g_list_store_new (PV_TYPE_OPERATOR);
  g_autoptr(GtkExpression) name = NULL;
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (pv_move_flow_get_plan (self->flow));
  g_autofree char *free_subtitle = NULL;
  GtkWidget *operator_row = adw_combo_row_new ();
  GtkWidget *country_row = adw_combo_row_new ();
  GtkWidget *keep_row;
  GtkWidget *free_row;
  guint n_free;
  guint n_short = 0;

  gtk_label_set_text (self->description_label,
                      _("Choose the operator the numbers move to, among those enabled for the tenant, and the country of the numbers."));

  if (pv_move_plan_get_operator_id (pv_move_flow_get_plan (self->flow)) == NULL && g_list_model_get_n_items (operators) > 0)
    {
      g_autoptr(PvOperator) first = g_list_model_get_item (operators, 0);

      /* The page is being built: the change needs no rebuild. */
      pv_move_plan_set_operator_id (pv_move_flow_get_plan (self->flow), pv_operator_get_id (first));
    }

  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (operator_name_cb), NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (operator_row), _("_Operator"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (operator_row), TRUE);
  adw_combo_row_set_expression (ADW_COMBO_ROW (operator_row), name);
  /* A copy: the flow's list changes when the tenant is read again, and
   * the row is rebuilt then anyway. */
  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (operators, i);

      g_list_store_append (operator_items, operator_);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (operator_row), G_LIST_MODEL (operator_items));
  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (operators, i);

      if (g_strcmp0 (pv_operator_get_id (operator_), pv_move_plan_get_operator_id (pv_move_flow_get_plan (self->flow))) == 0)
        adw_combo_row_set_selected (ADW_COMBO_ROW (operator_row), i);
    }
  g_signal_connect_object (operator_row, "notify::selected", G_CALLBACK (operator_selected_cb), self, 0);
  gtk_list_box_append (self->options_list, operator_row);

  countries = pv_move_plan_dup_countries (pv_move_flow_get_plan (self->flow));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (country_row), _("_Country"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (country_row), TRUE);
  for (guint i = 0; countries[i] != NULL; i++)
    {
      const char *label = pv_iso_codes_get_country_name (countries[i]);
      g_autoptr(GtkStringObject) item = gtk_string_object_new (label != NULL ? label : countries[i]);

      g_object_set_data_full (G_OBJECT (item), "pv-code", g_strdup (countries[i]), g_free);
      g_list_store_append (country_items, item);
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (country_row), G_LIST_MODEL (country_items));
  for (guint i = 0; countries[i] != NULL; i++)
    if (g_strcmp0 (countries[i], pv_move_plan_get_country (pv_move_flow_get_plan (self->flow))) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (country_row), i);
  g_signal_connect_object (country_row, "notify::selected", G_CALLBACK (country_selected_cb), self, 0);
  gtk_list_box_append (self->options_list, country_row);

  n_free = pv_move_plan_get_n_operator_numbers (pv_move_flow_get_plan (self->flow));
  keep_row = radio_row (self, NULL, _("Keep each person’s number"),
                        is_direct_routing (self)
                          ? _("The operator migrates the existing numbers; each is assigned once it appears in the tenant")
                          : _("The operator ports the existing numbers; each is assigned once it appears in the tenant"),
                        FALSE, !pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (self->flow)));
  free_subtitle = g_strdup_printf (ngettext ("The operator has %u free number in this country in the tenant",
                                             "The operator has %u free numbers in this country in the tenant",
                                             n_free),
                                   n_free);
  free_row = radio_row (self,
                        GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (keep_row))),
                        _("Give each person one of the operator’s numbers"), free_subtitle,
                        TRUE, pv_move_plan_get_use_operator_numbers (pv_move_flow_get_plan (self->flow)));
  gtk_list_box_append (self->options_list, keep_row);
  gtk_list_box_append (self->options_list, free_row);

  /* What each person will get. */
  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      g_autofree char *target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (self->flow), pv_user_get_id (user));
      g_autofree char *subtitle = target_subtitle (self, pv_user_get_id (user), target);

      if (target == NULL)
        n_short++;
      gtk_list_box_append (self->people_list, text_row (pv_user_get_display_name (user), subtitle));
    }
  step_status (self, PV_MOVE_PLAN_STEP_OPERATOR);
}

/* --- Warning. --- */

static void
acknowledged_cb (GtkCheckButton *check,
                 PvMovePage     *self)
{
  if (!self->rebuilding)
    pv_move_plan_set_acknowledged (pv_move_flow_get_plan (self->flow), gtk_check_button_get_active (check));
}

static void
port_confirmed_cb (GtkCheckButton *check,
                   PvMovePage     *self)
{
  if (!self->rebuilding)
    pv_move_plan_set_port_confirmed (pv_move_flow_get_plan (self->flow), gtk_check_button_get_active (check));
}

static GtkWidget *
check_row (const char *title,
           const char *subtitle,
           gboolean    active,
           GCallback   callback,
           PvMovePage *self)
{
  GtkWidget *row = text_row (title, subtitle);
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  g_signal_connect_object (check, "toggled", callback, self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  return row;
}

static void
build_warning (PvMovePage *self)
{
  PvMoveKind kind = pv_move_flow_get_kind (self->flow);
  /* Translators: who does a step of the move: the service (this app) or the operator. */
  const char *by_app = _("Done by Provisio");
  const char *by_operator = _("Done by the operator: checked by Provisio, not done");

  gtk_widget_set_visible (self->warning_box, TRUE);
  gtk_label_set_text (self->warning_label,
                      _("Each number is out of service from the moment it is removed until the Operator Connect number is assigned. Coordinate with your operator before you start."));
  gtk_label_set_text (self->description_label,
                      _("For each person, these steps run in order; a person stops at the first step that fails or that waits for the operator, and the others go on."));

  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      gboolean operator_step = (kind == PV_MOVE_KIND_DIRECT_ROUTING && step == 2) ||
                               (kind == PV_MOVE_KIND_CALLING_PLAN && (step == 0 || step == 2));
      /* Translators: %u is a step's number, %s its name. */
      g_autofree char *title = g_strdup_printf (_("%u. %s"), step + 1, pv_move_step_title (kind, step));

      gtk_list_box_append (self->people_list, text_row (title, operator_step ? by_operator : by_app));
    }

  if (kind == PV_MOVE_KIND_CALLING_PLAN)
    gtk_list_box_append (self->options_list,
                         check_row (_("The operator has _completed the port order"),
                                    _("Without it, nobody goes past the first step and nothing is changed"),
                                    pv_move_plan_get_port_confirmed (pv_move_flow_get_plan (self->flow)), G_CALLBACK (port_confirmed_cb),
                                    self));
  gtk_list_box_append (self->options_list,
                       check_row (_("I _understand that the numbers are out of service during the move"),
                                  NULL, pv_move_plan_get_acknowledged (pv_move_flow_get_plan (self->flow)), G_CALLBACK (acknowledged_cb),
                                  self));

  step_status (self, PV_MOVE_PLAN_STEP_WARNING);
}

/* --- Review. --- */

static void
build_review (PvMovePage *self)
{
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (pv_move_flow_get_plan (self->flow));
  const char *country = pv_move_plan_get_country (pv_move_flow_get_plan (self->flow));
  const char *country_name = country != NULL ? pv_iso_codes_get_country_name (country) : NULL;
  g_autofree char *summary = NULL;

  /* Translators: %1$u is a number of people, %2$s an operator, %3$s a country. */
  summary = g_strdup_printf (ngettext ("The number of %1$u person moves to %2$s in %3$s. Nothing has been changed yet; Back changes a choice.",
                                       "The numbers of %1$u people move to %2$s in %3$s. Nothing has been changed yet; Back changes a choice.",
                                       selection->len),
                             selection->len, pv_move_plan_get_operator_name (pv_move_flow_get_plan (self->flow)),
                             country_name != NULL ? country_name : (country != NULL ? country : ""));
  gtk_label_set_text (self->description_label, summary);
  gtk_widget_set_visible (self->warning_box, TRUE);
  gtk_label_set_text (self->warning_label,
                      _("Each number is out of service from its removal until its assignment."));

  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      const char *id = pv_user_get_id (user);
      g_autofree char *target = pv_move_plan_dup_target_number (pv_move_flow_get_plan (self->flow), id);
      g_autofree char *subtitle = target_subtitle (self, id, target);

      gtk_list_box_append (self->people_list, text_row (pv_user_get_display_name (user), subtitle));
    }

  pv_page_set_next_label (PV_PAGE (self), _("_Move Numbers"));
  set_complete (self, NULL);
}

/* --- The run. --- */

static const char *
status_icon (PvResultStatus status)
{
  switch (status)
    {
    case PV_RESULT_STATUS_DONE:
    case PV_RESULT_STATUS_ALREADY_DONE:
      return "object-select-symbolic";
    case PV_RESULT_STATUS_SKIPPED:
      return "document-open-recent-symbolic";
    case PV_RESULT_STATUS_FAILED:
    default:
      return "dialog-error-symbolic";
    }
}

static const char *
status_text (PvResultStatus status)
{
  switch (status)
    {
    case PV_RESULT_STATUS_DONE:
      return _("Done");
    case PV_RESULT_STATUS_ALREADY_DONE:
      return _("Already done");
    case PV_RESULT_STATUS_SKIPPED:
      return _("Waiting");
    case PV_RESULT_STATUS_FAILED:
    default:
      return _("Failed");
    }
}

static void
update_person (PvMovePage *self,
               const char *item)
{
  AdwExpanderRow *row = g_hash_table_lookup (self->rows, item);
  PvMoveSteps *steps = pv_move_flow_get_steps (self->flow);
  PvMoveKind kind = pv_move_flow_get_kind (self->flow);
  GtkWidget **step_rows;
  g_autofree char *subtitle = NULL;
  guint last = G_MAXUINT;

  if (row == NULL || steps == NULL)
    return;
  step_rows = g_object_get_data (G_OBJECT (row), "pv-step-rows");

  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      PvOperationResult *result = pv_move_steps_get_step_result (steps, item, step);
      GtkWidget *icon = g_object_get_data (G_OBJECT (step_rows[step]), "pv-icon");

      if (result == NULL)
        continue;
      last = step;
      adw_action_row_set_subtitle (ADW_ACTION_ROW (step_rows[step]), pv_operation_result_get_message (result));
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), status_icon (pv_operation_result_get_status (result)));
      gtk_widget_set_visible (icon, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      status_text (pv_operation_result_get_status (result)), -1);
    }

  if (last == G_MAXUINT)
    subtitle = g_strdup (_("Not started"));
  else if (pv_move_flow_is_moved (self->flow, item))
    subtitle = g_strdup (_("Moved to Operator Connect"));
  else
    {
      PvResultStatus status = pv_operation_result_get_status (pv_move_steps_get_step_result (steps, item, last));

      if (status == PV_RESULT_STATUS_FAILED)
        /* Translators: %u is a step's number, %s its name. */
        subtitle = g_strdup_printf (_("Stopped: step %u failed (%s)"), last + 1, pv_move_step_title (kind, last));
      else if (status == PV_RESULT_STATUS_SKIPPED)
        /* Translators: %u is a step's number, %s its name. */
        subtitle = g_strdup_printf (_("Waiting at step %u (%s)"), last + 1, pv_move_step_title (kind, last));
      else
        /* Translators: %u is a step's number. */
        subtitle = g_strdup_printf (_("Step %u of 4 done"), last + 1);
    }
  adw_expander_row_set_subtitle (row, subtitle);
}

static void
step_finished_cb (PvMoveSteps       *steps,
                  const char        *item,
                  guint              step,
                  PvOperationResult *result,
                  PvMovePage        *self)
{
  update_person (self, item);
}

static void
update_progress (PvMovePage *self)
{
  guint total = self->runner != NULL ? pv_runner_get_n_items (self->runner) : 0;
  guint done = self->runner != NULL ? pv_runner_get_n_finished (self->runner) : 0;
  g_autofree char *text = NULL;

  /* Translators: progress of a run: people finished, of all people. */
  text = g_strdup_printf (_("%u of %u"), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0.0);
}

static void
run_finished_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvMovePage) self = user_data;
  PvRunner *runner = PV_RUNNER (object);
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GError) error = NULL;
  guint moved = 0;

  update_progress (self);
  if (!pv_runner_run_finish (runner, result, &error) &&
      !g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED))
    gtk_label_set_text (self->description_label, error->message);
  else
    {
      g_autofree char *text = NULL;

      selection = pv_move_plan_dup_selection (pv_move_flow_get_plan (self->flow));
      for (guint i = 0; i < selection->len; i++)
        {
          const char *id = pv_user_get_id (g_ptr_array_index (selection, i));
          AdwExpanderRow *row = g_hash_table_lookup (self->rows, id);
          gboolean is_moved = pv_move_flow_is_moved (self->flow, id);

          /* What needs attention stays open: those who failed or wait. */
          if (row != NULL)
            adw_expander_row_set_expanded (row, !is_moved);
          moved += is_moved;
        }
      /* Translators: %1$u people of %2$u were moved. */
      text = g_strdup_printf (ngettext ("%1$u of %2$u person is moved. Each step of each person is below; a person who waits for the operator or failed can be run again once the cause is dealt with.",
                                        "%1$u of %2$u people are moved. Each step of each person is below; a person who waits for the operator or failed can be run again once the cause is dealt with.",
                                        selection->len),
                              moved, selection->len);
      gtk_label_set_text (self->description_label, text);
      gtk_widget_set_sensitive (GTK_WIDGET (self->again_button), moved < selection->len);
    }

  gtk_widget_set_sensitive (self->export_group, TRUE);
  set_complete (self, NULL);
}

static void
start_run (PvMovePage *self,
           gboolean    only_unfinished)
{
  g_clear_object (&self->runner);
  self->runner = pv_move_flow_new_runner (self->flow, only_unfinished);
  if (self->runner == NULL)
    {
      gtk_label_set_text (self->description_label, _("No service to talk to: the move cannot start."));
      return;
    }

  g_signal_connect_object (self->runner, "notify::n-finished", G_CALLBACK (update_progress), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_text (self->description_label, _("Moving the numbers…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->again_button), FALSE);
  gtk_widget_set_sensitive (self->export_group, FALSE);
  set_complete (self, _("The move is in progress."));
  update_progress (self);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  pv_runner_run_async (self->runner, self->cancellable, run_finished_cb, g_object_ref (self));
}

static void
build_run (PvMovePage *self)
{
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (pv_move_flow_get_plan (self->flow));
  PvMoveKind kind = pv_move_flow_get_kind (self->flow);

  gtk_widget_set_visible (self->progress_box, TRUE);
  gtk_widget_set_visible (self->export_group, TRUE);
  g_hash_table_remove_all (self->rows);
  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      GtkWidget *row = adw_expander_row_new ();
      GtkWidget **step_rows = g_new0 (GtkWidget *, PV_MOVE_N_STEPS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pv_user_get_display_name (user));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
        {
          /* Translators: %u is a step's number, %s its name. */
          g_autofree char *title = g_strdup_printf (_("%u. %s"), step + 1, pv_move_step_title (kind, step));
          GtkWidget *icon = gtk_image_new ();

          step_rows[step] = text_row (title, NULL);
          gtk_widget_set_visible (icon, FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (step_rows[step]), icon);
          g_object_set_data (G_OBJECT (step_rows[step]), "pv-icon", icon);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), step_rows[step]);
        }
      g_object_set_data_full (G_OBJECT (row), "pv-step-rows", step_rows, g_free);
      g_hash_table_insert (self->rows, g_strdup (pv_user_get_id (user)), row);
      gtk_list_box_append (self->people_list, row);
      update_person (self, pv_user_get_id (user));
    }
}

static void
again_clicked_cb (PvMovePage *self)
{
  pv_move_page_run_again (self);
}

/**
 * pv_move_page_run_again:
 *
 * Runs the people not moved yet again, each from the step where they
 * stopped (the steps that took effect are found done).
 */
void
pv_move_page_run_again (PvMovePage *self)
{
  g_return_if_fail (PV_IS_MOVE_PAGE (self));
  g_return_if_fail (self->role == PV_MOVE_PAGE_RUN);

  start_run (self, TRUE);
}

/* --- Export: through the exports of every flow (pv-export.c), written
 * off the main loop, whole or not at all. XML and PowerShell take one
 * result a person with the steps inside; CSV a row a step. --- */

/**
 * pv_move_page_export_async:
 *
 * Writes every person's move to @file in @format.
 */
void
pv_move_page_export_async (PvMovePage          *self,
                           PvExportFormat       format,
                           GFile               *file,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GListModel) results = NULL;

  g_return_if_fail (PV_IS_MOVE_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_move_page_export_async);

  results = format == PV_EXPORT_FORMAT_CSV ? pv_move_flow_dup_step_results (self->flow)
                                           : pv_move_flow_dup_results (self->flow);
  info = pv_move_flow_dup_run_info (self->flow);
  pv_export_results_into (g_steal_pointer (&task), format, info, results, file);
}

gboolean
pv_move_page_export_finish (PvMovePage    *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_move_page_export_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
exported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvMovePage *self = PV_MOVE_PAGE (object);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_move_page_export_finish (self, result, &error))
    {
      pv_export_show_error (GTK_WIDGET (self), _("The Results Could Not Be Exported"), error);
      return;
    }

  {
    g_autofree char *name = g_file_get_basename (file);
    /* Translators: %s is a file name. */
    g_autofree char *text = g_strdup_printf (_("The results were exported to %s."), name);

    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->export_group), text);
  }
}

static void
write_export (GtkWidget *page,
              int        format,
              GFile     *file)
{
  PvMovePage *self = PV_MOVE_PAGE (page);

  pv_move_page_export_async (self, format, file, self->cancellable, exported_cb, g_object_ref (file));
}

static void
ask_where (PvMovePage     *self,
           PvExportFormat  format)
{
  pv_export_ask_where (GTK_WIDGET (self), _("Export the Results"),
                       is_direct_routing (self) ? "move-direct-routing" : "move-calling-plan",
                       pv_export_format_extension (format), format, write_export);
}

static void
xml_clicked_cb (PvMovePage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_XML);
}

static void
ps1_clicked_cb (PvMovePage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_POWERSHELL);
}

static void
csv_clicked_cb (PvMovePage *self)
{
  ask_where (self, PV_EXPORT_FORMAT_CSV);
}

/* --- The page. --- */

static void
rebuild (PvMovePage *self)
{
  self->rebuilding = TRUE;
  clear_list (self->options_list);
  clear_list (self->people_list);

  switch (self->role)
    {
    case PV_MOVE_PAGE_PEOPLE:
      build_people (self);
      break;
    case PV_MOVE_PAGE_OPERATOR:
      build_operator (self);
      break;
    case PV_MOVE_PAGE_WARNING:
      build_warning (self);
      break;
    case PV_MOVE_PAGE_REVIEW:
      build_review (self);
      break;
    case PV_MOVE_PAGE_RUN:
      build_run (self);
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_widget_set_visible (GTK_WIDGET (self->options_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->options_list)) != NULL);
  self->rebuilding = FALSE;
}

static int
focused_option (PvMovePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->options_list))
    return -1;
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static gboolean
rebuild_cb (gpointer user_data)
{
  PvMovePage *self = user_data;
  GtkListBoxRow *row;
  int focused;

  self->rebuild_source = 0;

  /* Rebuilt: the focus goes back to the row it was on. */
  focused = focused_option (self);
  rebuild (self);
  row = focused >= 0 ? gtk_list_box_get_row_at_index (self->options_list, focused) : NULL;
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));

  return G_SOURCE_REMOVE;
}

static void
flow_changed_cb (PvMovePage *self)
{
  if (self->rebuilding || self->role == PV_MOVE_PAGE_RUN)
    return;

  /* A choice made on the page on screen leaves it as it is when it
   * changes nothing else it shows, so that the focus stays put. */
  if (self->role == PV_MOVE_PAGE_WARNING && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      step_status (self, PV_MOVE_PLAN_STEP_WARNING);
      return;
    }
  if (self->role == PV_MOVE_PAGE_PEOPLE && self->built_loading == pv_move_flow_get_loading (self->flow) &&
      self->built_n == g_list_model_get_n_items (pv_move_plan_get_candidates (pv_move_flow_get_plan (self->flow))))
    {
      sync_people (self);
      step_status (self, PV_MOVE_PLAN_STEP_PEOPLE);
      return;
    }

  /* Not from inside the handler of the row that changed it: that row
   * goes away. */
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

static void
pv_move_page_shown (PvPage *page)
{
  PvMovePage *self = PV_MOVE_PAGE (page);

  if (self->role == PV_MOVE_PAGE_RUN)
    {
      /* Once: coming back never runs the move again. */
      if (pv_move_flow_get_steps (self->flow) == NULL)
        {
          start_run (self, FALSE);
          g_signal_connect_object (pv_move_flow_get_steps (self->flow), "step-finished",
                                   G_CALLBACK (step_finished_cb), self, 0);
          rebuild (self);
        }
      return;
    }

  rebuild (self);
}

static void
pv_move_page_locale_changed (PvPage *page)
{
  rebuild (PV_MOVE_PAGE (page));
}

static void
pv_move_page_dispose (GObject *object)
{
  PvMovePage *self = PV_MOVE_PAGE (object);

  /* Leaving the wizard stops the run; the steps that took effect are
   * found done by a later move. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_move_page_parent_class)->dispose (object);
}

static void
pv_move_page_finalize (GObject *object)
{
  PvMovePage *self = PV_MOVE_PAGE (object);

  g_clear_object (&self->runner);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_hash_table_unref);

  G_OBJECT_CLASS (pv_move_page_parent_class)->finalize (object);
}

static void
pv_move_page_class_init (PvMovePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_move_page_dispose;
  object_class->finalize = pv_move_page_finalize;
  PV_PAGE_CLASS (klass)->shown = pv_move_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_move_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, warning_box);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, warning_label);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, again_button);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, export_group);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, xml_button);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, ps1_button);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, csv_button);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, options_list);
  gtk_widget_class_bind_template_child (widget_class, PvMovePage, people_list);
}

static void
pv_move_page_init (PvMovePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect_object (self->again_button, "clicked", G_CALLBACK (again_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->xml_button, "clicked", G_CALLBACK (xml_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->ps1_button, "clicked", G_CALLBACK (ps1_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->csv_button, "clicked", G_CALLBACK (csv_clicked_cb), self, G_CONNECT_SWAPPED);
}

static const char *
role_title (PvMovePageRole role)
{
  switch (role)
    {
    case PV_MOVE_PAGE_PEOPLE:
      return _("Choose People");
    case PV_MOVE_PAGE_OPERATOR:
      return _("Choose the Operator");
    case PV_MOVE_PAGE_WARNING:
      return _("Before You Start");
    case PV_MOVE_PAGE_REVIEW:
      return _("Review the Move");
    case PV_MOVE_PAGE_RUN:
    default:
      return _("Move Status");
    }
}

PvPage *
pv_move_page_new (PvMoveFlow     *flow,
                  PvMovePageRole  role)
{
  PvMovePage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_PAGE, NULL);
  self->flow = g_object_ref (flow);
  self->role = role;
  pv_page_set_title (PV_PAGE (self), role_title (role));
  if (role == PV_MOVE_PAGE_RUN)
    pv_page_set_can_go_back (PV_PAGE (self), FALSE);
  g_signal_connect_object (flow, "changed", G_CALLBACK (flow_changed_cb), self, G_CONNECT_SWAPPED);
  rebuild (self);

  return PV_PAGE (self);
}

PvMovePageRole
pv_move_page_get_role (PvMovePage *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PAGE (self), PV_MOVE_PAGE_PEOPLE);

  return self->role;
}
