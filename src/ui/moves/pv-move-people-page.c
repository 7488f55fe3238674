/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-move-people-page.h"
#include "pv-move-person-row.h"
#include "pv-move-text-row.h"

/* Choose People: everyone with a number of the kind being moved, a box
 * each; those who could not receive an Operator Connect number are
 * listed with what to do first, and cannot be chosen. The rows are made
 * again when the candidates change (the tenant was read), and otherwise
 * follow the plan's choice, so that the focus stays where it is. */

struct _PvMovePeoplePage
{
  PvPage         parent_instance;

  PvMoveFlow    *flow;

  GtkLabel      *description_label;
  GtkListBox    *people_list;
  GtkWidget     *state_list;
  PvMoveTextRow *state_row;
};

G_DEFINE_FINAL_TYPE (PvMovePeoplePage, pv_move_people_page, PV_TYPE_PAGE)

static PvMovePlan *
plan_of (PvMovePeoplePage *self)
{
  return pv_move_flow_get_plan (self->flow);
}

static void
row_active_cb (PvMovePersonRow  *row,
               GParamSpec       *pspec,
               PvMovePeoplePage *self)
{
  pv_move_plan_set_selected (plan_of (self), pv_move_person_row_get_user_id (row),
                             pv_move_person_row_get_active (row));
}

static char *
number_subtitle (PvMovePeoplePage *self,
                 const char       *id)
{
  const char *number = pv_move_plan_get_current_number (plan_of (self), id);

  if (pv_move_flow_get_kind (self->flow) == PV_MOVE_KIND_CALLING_PLAN)
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("Calling Plan number %s"), number);
  if (pv_move_plan_get_on_premises (plan_of (self), id))
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("%s, assigned on-premises (OnPremLineURI)"), number);
  /* Translators: %s is a phone number. */
  return g_strdup_printf (_("%s, assigned online"), number);
}

static void
build_rows (PvMovePeoplePage *self)
{
  GListModel *candidates = pv_move_plan_get_candidates (plan_of (self));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);

  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);
      const char *id = pv_user_get_id (user);
      g_autofree char *numbers = number_subtitle (self, id);
      g_autofree char *problem = pv_move_plan_dup_problem (plan_of (self), user);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (problem != NULL)
        /* Translators: %1$s describes a phone number, %2$s why the person cannot be moved. */
        subtitle = g_strdup_printf (_("%1$s — %2$s"), numbers, problem);
      row = pv_move_person_row_new (id, pv_user_get_display_name (user), subtitle != NULL ? subtitle : numbers);
      pv_move_person_row_set_active (PV_MOVE_PERSON_ROW (row), pv_move_plan_get_selected (plan_of (self), id));
      gtk_widget_set_sensitive (row, pv_move_plan_can_select (plan_of (self), id));
      g_signal_connect_object (row, "notify::active", G_CALLBACK (row_active_cb), self, 0);
      gtk_list_box_append (self->people_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->people_list), g_list_model_get_n_items (candidates) > 0);
}

/* What the list cannot show: the tenant being read, why it could not
 * be, or that nobody has a number of the kind. */
static const char *
state_text (PvMovePeoplePage *self)
{
  gboolean direct_routing = pv_move_flow_get_kind (self->flow) == PV_MOVE_KIND_DIRECT_ROUTING;

  if (pv_move_flow_get_loading (self->flow))
    return _("Reading the tenant…");
  if (pv_move_flow_get_load_error (self->flow) != NULL)
    return pv_move_flow_get_load_error (self->flow);
  if (g_list_model_get_n_items (pv_move_plan_get_candidates (plan_of (self))) == 0)
    return direct_routing ? _("Nobody in the tenant has a Direct Routing number.")
                          : _("Nobody in the tenant has a Calling Plan number.");
  return NULL;
}

static void
update (PvMovePeoplePage *self)
{
  const char *state = state_text (self);
  g_autofree char *reason = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->state_row), state != NULL ? state : "");
  gtk_widget_set_visible (self->state_list, state != NULL);

  /* The rows follow the choice without being made again. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->people_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (PV_IS_MOVE_PERSON_ROW (row))
      pv_move_person_row_set_active (PV_MOVE_PERSON_ROW (row),
                                     pv_move_plan_get_selected (plan_of (self),
                                                                pv_move_person_row_get_user_id (PV_MOVE_PERSON_ROW (row))));

  pv_move_plan_get_step_status (plan_of (self), PV_MOVE_PLAN_STEP_PEOPLE, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

static void
candidates_changed_cb (PvMovePeoplePage *self)
{
  build_rows (self);
  update (self);
}

static void
set_texts (PvMovePeoplePage *self)
{
  pv_page_set_title (PV_PAGE (self), _("Choose People"));
  gtk_label_set_text (self->description_label,
                      pv_move_flow_get_kind (self->flow) == PV_MOVE_KIND_DIRECT_ROUTING
                        ? _("Choose the people whose Direct Routing number moves to Operator Connect. Only TeamsOnly users with Phone System can get an Operator Connect number; the others are listed with what to do first.")
                        : _("Choose the people whose Calling Plan number moves to Operator Connect. Only TeamsOnly users with Phone System can get an Operator Connect number; the others are listed with what to do first."));
}

static void
pv_move_people_page_locale_changed (PvPage *page)
{
  PvMovePeoplePage *self = PV_MOVE_PEOPLE_PAGE (page);

  set_texts (self);
  build_rows (self);
  update (self);
}

static void
pv_move_people_page_dispose (GObject *object)
{
  PvMovePeoplePage *self = PV_MOVE_PEOPLE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_PEOPLE_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_move_people_page_parent_class)->dispose (object);
}

static void
pv_move_people_page_class_init (PvMovePeoplePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_move_people_page_dispose;
  PV_PAGE_CLASS (klass)->locale_changed = pv_move_people_page_locale_changed;

  g_type_ensure (PV_TYPE_MOVE_TEXT_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMovePeoplePage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PvMovePeoplePage, people_list);
  gtk_widget_class_bind_template_child (widget_class, PvMovePeoplePage, state_list);
  gtk_widget_class_bind_template_child (widget_class, PvMovePeoplePage, state_row);
}

static void
pv_move_people_page_init (PvMovePeoplePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PvPage *
pv_move_people_page_new (PvMoveFlow *flow)
{
  PvMovePeoplePage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_PEOPLE_PAGE, NULL);
  self->flow = g_object_ref (flow);
  set_texts (self);
  g_signal_connect_object (pv_move_plan_get_candidates (plan_of (self)), "items-changed",
                           G_CALLBACK (candidates_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  build_rows (self);
  update (self);

  return PV_PAGE (self);
}
