/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-iso-codes.h"
#include "pv-move-operator-page.h"
#include "pv-move-text-row.h"
#include "pv-operator.h"

/* Choose the Operator: the operator the numbers move to, among those
 * active for the tenant, the country, where the numbers come from, and
 * what each person chosen will get. The controls stay while the plan
 * changes, so the focus stays on the one in use; only the lists of
 * countries and of people are made again. */

struct _PvMoveOperatorPage
{
  PvPage          parent_instance;

  PvMoveFlow     *flow;
  gboolean        syncing;
  GListStore     *operators;  /* PvOperator, a copy the combo row shows */
  GListStore     *countries;  /* GtkStringObject, named; the code as data */

  GtkLabel       *description_label;
  AdwComboRow    *operator_row;
  AdwComboRow    *country_row;
  AdwActionRow   *keep_row;
  AdwActionRow   *free_row;
  GtkCheckButton *keep_check;
  GtkCheckButton *free_check;
  GtkListBox     *people_list;
};

G_DEFINE_FINAL_TYPE (PvMoveOperatorPage, pv_move_operator_page, PV_TYPE_PAGE)

static PvMovePlan *
plan_of (PvMoveOperatorPage *self)
{
  return pv_move_flow_get_plan (self->flow);
}

static void
operator_selected_cb (PvMoveOperatorPage *self)
{
  PvOperator *operator_ = adw_combo_row_get_selected_item (self->operator_row);

  if (!self->syncing && operator_ != NULL)
    pv_move_plan_set_operator_id (plan_of (self), pv_operator_get_id (operator_));
}

static void
country_selected_cb (PvMoveOperatorPage *self)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (self->country_row);

  if (!self->syncing && item != NULL)
    pv_move_plan_set_country (plan_of (self), g_object_get_data (G_OBJECT (item), "pv-code"));
}

static void
source_toggled_cb (PvMoveOperatorPage *self)
{
  if (!self->syncing)
    pv_move_plan_set_use_operator_numbers (plan_of (self), gtk_check_button_get_active (self->free_check));
}

static char *
operator_name_cb (PvOperator *operator_)
{
  return g_strdup (pv_operator_get_name (operator_));
}

static gboolean
same_operators (PvMoveOperatorPage *self,
                GListModel         *operators)
{
  if (g_list_model_get_n_items (operators) != g_list_model_get_n_items (G_LIST_MODEL (self->operators)))
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvOperator) a = g_list_model_get_item (operators, i);
      g_autoptr(PvOperator) b = g_list_model_get_item (G_LIST_MODEL (self->operators), i);

      if (a != b)
        return FALSE;
    }
  return TRUE;
}

static void
sync_operators (PvMoveOperatorPage *self)
{
  GListModel *operators = pv_move_plan_get_operators (plan_of (self));
  const char *chosen = pv_move_plan_get_operator_id (plan_of (self));

  /* A copy: the plan's list changes when the tenant is read again. */
  if (!same_operators (self, operators))
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
        g_ptr_array_add (items, g_list_model_get_item (operators, i));
      g_list_store_splice (self->operators, 0, g_list_model_get_n_items (G_LIST_MODEL (self->operators)),
                           items->pdata, items->len);
    }
  for (guint i = 0; i < g_list_model_get_n_items (operators); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (operators, i);

      if (g_strcmp0 (pv_operator_get_id (operator_), chosen) == 0 &&
          adw_combo_row_get_selected (self->operator_row) != i)
        adw_combo_row_set_selected (self->operator_row, i);
    }
}

static void
sync_countries (PvMoveOperatorPage *self)
{
  g_auto(GStrv) codes = pv_move_plan_dup_countries (plan_of (self));
  const char *chosen = pv_move_plan_get_country (plan_of (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->countries));
  gboolean same = n == g_strv_length (codes);

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->countries), i);

      same = g_strcmp0 (g_object_get_data (item, "pv-code"), codes[i]) == 0;
    }
  if (!same)
    {
      g_list_store_remove_all (self->countries);
      for (guint i = 0; codes[i] != NULL; i++)
        {
          const char *label = pv_iso_codes_get_country_name (codes[i]);
          g_autoptr(GtkStringObject) item = gtk_string_object_new (label != NULL ? label : codes[i]);

          g_object_set_data_full (G_OBJECT (item), "pv-code", g_strdup (codes[i]), g_free);
          g_list_store_append (self->countries, item);
        }
    }
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], chosen) == 0 && adw_combo_row_get_selected (self->country_row) != i)
      adw_combo_row_set_selected (self->country_row, i);
}

static void
sync_people (PvMoveOperatorPage *self)
{
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (plan_of (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      g_autofree char *subtitle = pv_move_plan_dup_target_summary (plan_of (self), pv_user_get_id (user));

      gtk_list_box_append (self->people_list, pv_move_text_row_new (pv_user_get_display_name (user), subtitle));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->people_list), selection->len > 0);
}

static void
update (PvMoveOperatorPage *self)
{
  gboolean use = pv_move_plan_get_use_operator_numbers (plan_of (self));
  guint n_free = pv_move_plan_get_n_operator_numbers (plan_of (self));
  g_autofree char *free_subtitle = NULL;
  g_autofree char *reason = NULL;

  self->syncing = TRUE;
  sync_operators (self);
  sync_countries (self);
  if (gtk_check_button_get_active (self->free_check) != use)
    gtk_check_button_set_active (use ? self->free_check : self->keep_check, TRUE);
  self->syncing = FALSE;

  free_subtitle = g_strdup_printf (ngettext ("The operator has %u free number in this country in the tenant",
                                             "The operator has %u free numbers in this country in the tenant",
                                             n_free),
                                   n_free);
  adw_action_row_set_subtitle (self->free_row, free_subtitle);
  sync_people (self);

  pv_move_plan_get_step_status (plan_of (self), PV_MOVE_PLAN_STEP_OPERATOR, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

static void
set_texts (PvMoveOperatorPage *self)
{
  pv_page_set_title (PV_PAGE (self), _("Choose the Operator"));
  gtk_label_set_text (self->description_label,
                      _("Choose the operator the numbers move to, among those enabled for the tenant, and the country of the numbers."));
  adw_action_row_set_subtitle (self->keep_row,
                               pv_move_flow_get_kind (self->flow) == PV_MOVE_KIND_DIRECT_ROUTING
                                 ? _("The operator migrates the existing numbers; each is assigned once it appears in the tenant")
                                 : _("The operator ports the existing numbers; each is assigned once it appears in the tenant"));
}

static void
pv_move_operator_page_locale_changed (PvPage *page)
{
  PvMoveOperatorPage *self = PV_MOVE_OPERATOR_PAGE (page);

  set_texts (self);
  /* The country names are in the language too. */
  g_list_store_remove_all (self->countries);
  update (self);
}

static void
pv_move_operator_page_dispose (GObject *object)
{
  PvMoveOperatorPage *self = PV_MOVE_OPERATOR_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_OPERATOR_PAGE);
  g_clear_object (&self->flow);
  g_clear_object (&self->operators);
  g_clear_object (&self->countries);

  G_OBJECT_CLASS (pv_move_operator_page_parent_class)->dispose (object);
}

static void
pv_move_operator_page_class_init (PvMoveOperatorPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_move_operator_page_dispose;
  PV_PAGE_CLASS (klass)->locale_changed = pv_move_operator_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-operator-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, country_row);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, keep_row);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, free_row);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, keep_check);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, free_check);
  gtk_widget_class_bind_template_child (widget_class, PvMoveOperatorPage, people_list);
}

static void
pv_move_operator_page_init (PvMoveOperatorPage *self)
{
  g_autoptr(GtkExpression) name = NULL;

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->operator_row, "notify::selected", G_CALLBACK (operator_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_row, "notify::selected", G_CALLBACK (country_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->keep_check, "toggled", G_CALLBACK (source_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->free_check, "toggled", G_CALLBACK (source_toggled_cb), self, G_CONNECT_SWAPPED);
  self->operators = g_list_store_new (PV_TYPE_OPERATOR);
  self->countries = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (operator_name_cb), NULL, NULL);
  adw_combo_row_set_expression (self->operator_row, name);
  adw_combo_row_set_model (self->operator_row, G_LIST_MODEL (self->operators));
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (self->countries));
  gtk_check_button_set_active (self->keep_check, TRUE);
  self->syncing = FALSE;
}

PvPage *
pv_move_operator_page_new (PvMoveFlow *flow)
{
  PvMoveOperatorPage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_OPERATOR_PAGE, NULL);
  self->flow = g_object_ref (flow);
  set_texts (self);
  g_signal_connect_object (flow, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return PV_PAGE (self);
}
