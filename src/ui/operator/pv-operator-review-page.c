/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-company-size.h"
#include "pv-operator-labels.h"
#include "pv-operator-review-page.h"

/* Review: everything the previous steps chose, read back from the plan,
 * before anything is sent. Next is "Add as my operator". */

struct _PvOperatorReviewPage
{
  PvPage          parent_instance;

  PvOperatorFlow *flow;

  GtkLabel       *summary_label;
  AdwActionRow   *operator_row;
  AdwActionRow   *services_row;
  AdwActionRow   *countries_row;
  AdwActionRow   *tenant_row;
  AdwActionRow   *name_row;
  AdwActionRow   *email_row;
  AdwActionRow   *size_row;
  AdwActionRow   *phone_row;
  AdwActionRow   *notice_row;
};

G_DEFINE_FINAL_TYPE (PvOperatorReviewPage, pv_operator_review_page, PV_TYPE_PAGE)

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  /* Values are data (names may hold "&" or "<"), not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, value != NULL && *value != '\0' ? value : C_("review value", "Not given"));
}

static void
update (PvOperatorReviewPage *self)
{
  PvOperatorPlan *plan = pv_operator_flow_get_plan (self->flow);
  PvOperator *operator_ = pv_operator_plan_get_operator (plan);
  PvContactDetails *contact = pv_operator_plan_get_contact (plan);
  g_autofree char *summary = pv_operator_plan_dup_summary (plan);
  g_autofree char *services = pv_operator_dup_services_label (operator_);
  g_autofree char *countries = pv_operator_plan_dup_country_names (plan, FALSE);
  g_autofree char *reason = NULL;
  gboolean complete;

  gtk_label_set_text (self->summary_label, summary != NULL ? summary : "");
  set_value (self->operator_row, operator_ != NULL ? pv_operator_get_name (operator_) : NULL);
  set_value (self->services_row, services);
  set_value (self->countries_row, countries);
  set_value (self->tenant_row, pv_operator_flow_get_tenant_id (self->flow));
  set_value (self->name_row, pv_contact_details_get_full_name (contact));
  set_value (self->email_row, pv_contact_details_get_email (contact));
  set_value (self->size_row, pv_company_size_label (pv_contact_details_get_company_size (contact)));
  set_value (self->phone_row, pv_contact_details_get_phone (contact));
  set_value (self->notice_row, pv_operator_plan_get_notice_accepted (plan)
                                 ? _("Accepted")
                                 : _("Not accepted"));

  complete = pv_operator_plan_is_complete (plan, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), complete);
}

static void
pv_operator_review_page_shown (PvPage *page)
{
  update (PV_OPERATOR_REVIEW_PAGE (page));
}

static void
pv_operator_review_page_locale_changed (PvPage *page)
{
  /* The template translated it once, in the language of that moment. */
  pv_page_set_next_label (page, _("_Add as My Operator"));
  update (PV_OPERATOR_REVIEW_PAGE (page));
}

static void
pv_operator_review_page_dispose (GObject *object)
{
  PvOperatorReviewPage *self = PV_OPERATOR_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_REVIEW_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_operator_review_page_parent_class)->dispose (object);
}

static void
pv_operator_review_page_class_init (PvOperatorReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_review_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_operator_review_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_review_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, operator_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, services_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, countries_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, tenant_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, size_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorReviewPage, notice_row);
}

static void
pv_operator_review_page_init (PvOperatorReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PvPage *
pv_operator_review_page_new (PvOperatorFlow *flow)
{
  PvOperatorReviewPage *self;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_REVIEW_PAGE, NULL);
  self->flow = g_object_ref (flow);

  g_signal_connect_object (pv_operator_flow_get_plan (flow), "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::tenant-id", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return PV_PAGE (self);
}
