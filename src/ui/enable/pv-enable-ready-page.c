/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-enable-ready-page.h"

/* Ready to Enable Users: what will be done, in one sentence the plan
 * writes, and the choice of a dry run. The button that leaves this page
 * says what it does. */

struct _PvEnableReadyPage
{
  PvPage        parent_instance;

  PvEnableFlow *flow;

  GtkLabel     *summary_label;
  GtkSwitch    *dry_run_switch;
};

G_DEFINE_FINAL_TYPE (PvEnableReadyPage, pv_enable_ready_page, PV_TYPE_PAGE)

static void
update_from_plan (PvEnableReadyPage *self)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (self->flow);
  g_autofree char *summary = pv_enable_plan_dup_summary (plan);
  g_autofree char *reason = NULL;
  gboolean complete = pv_enable_plan_is_complete (plan, &reason);

  gtk_label_set_text (self->summary_label, summary);
  pv_page_set_incomplete_reason (PV_PAGE (self), complete ? NULL : reason);
  pv_page_set_complete (PV_PAGE (self), complete);
  pv_page_set_next_label (PV_PAGE (self), pv_enable_plan_get_dry_run (plan) ? _("_Simulate") : _("_Enable"));
}

static void
pv_enable_ready_page_shown (PvPage *page)
{
  update_from_plan (PV_ENABLE_READY_PAGE (page));
}

static void
pv_enable_ready_page_dispose (GObject *object)
{
  PvEnableReadyPage *self = PV_ENABLE_READY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_READY_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_enable_ready_page_parent_class)->dispose (object);
}

static void
pv_enable_ready_page_class_init (PvEnableReadyPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_enable_ready_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_enable_ready_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-ready-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableReadyPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableReadyPage, dry_run_switch);
}

static void
pv_enable_ready_page_init (PvEnableReadyPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PvPage *
pv_enable_ready_page_new (PvEnableFlow *flow)
{
  PvEnableReadyPage *self;
  PvEnablePlan *plan;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_READY_PAGE, NULL);
  self->flow = g_object_ref (flow);
  plan = pv_enable_flow_get_plan (flow);

  g_object_bind_property (plan, "dry-run", self->dry_run_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (plan, "changed", G_CALLBACK (update_from_plan), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::dry-run", G_CALLBACK (update_from_plan), self, G_CONNECT_SWAPPED);
  update_from_plan (self);

  return PV_PAGE (self);
}
