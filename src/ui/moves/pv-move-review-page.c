/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-iso-codes.h"
#include "pv-move-review-page.h"
#include "pv-move-text-row.h"

/* Review the Move: who moves, to which operator and country, and the
 * number each person gets. Nothing has changed yet. */

struct _PvMoveReviewPage
{
  PvPage      parent_instance;

  PvMoveFlow *flow;

  GtkLabel   *description_label;
  GtkListBox *people_list;
};

G_DEFINE_FINAL_TYPE (PvMoveReviewPage, pv_move_review_page, PV_TYPE_PAGE)

static void
build (PvMoveReviewPage *self)
{
  PvMovePlan *plan = pv_move_flow_get_plan (self->flow);
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (plan);
  const char *country = pv_move_plan_get_country (plan);
  const char *country_name = country != NULL ? pv_iso_codes_get_country_name (country) : NULL;
  g_autofree char *summary = NULL;
  g_autofree char *reason = NULL;
  GtkWidget *child;

  pv_page_set_title (PV_PAGE (self), _("Review the Move"));
  pv_page_set_next_label (PV_PAGE (self), _("_Move Numbers"));
  /* Translators: %1$u is a number of people, %2$s an operator, %3$s a country. */
  summary = g_strdup_printf (ngettext ("The number of %1$u person moves to %2$s in %3$s. Nothing has been changed yet; Back changes a choice.",
                                       "The numbers of %1$u people move to %2$s in %3$s. Nothing has been changed yet; Back changes a choice.",
                                       selection->len),
                             selection->len, pv_move_plan_get_operator_name (plan),
                             country_name != NULL ? country_name : (country != NULL ? country : ""));
  gtk_label_set_text (self->description_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->people_list))) != NULL)
    gtk_list_box_remove (self->people_list, child);
  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      const char *id = pv_user_get_id (user);
      g_autofree char *subtitle = pv_move_plan_dup_target_summary (plan, id);

      gtk_list_box_append (self->people_list, pv_move_text_row_new (pv_user_get_display_name (user), subtitle));
    }

  pv_move_plan_get_step_status (plan, PV_MOVE_PLAN_STEP_REVIEW, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), reason == NULL);
}

/* The review is read, not changed: it is made when shown. */
static void
pv_move_review_page_shown (PvPage *page)
{
  build (PV_MOVE_REVIEW_PAGE (page));
}

static void
pv_move_review_page_locale_changed (PvPage *page)
{
  build (PV_MOVE_REVIEW_PAGE (page));
}

static void
pv_move_review_page_dispose (GObject *object)
{
  PvMoveReviewPage *self = PV_MOVE_REVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_MOVE_REVIEW_PAGE);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_move_review_page_parent_class)->dispose (object);
}

static void
pv_move_review_page_class_init (PvMoveReviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_move_review_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_move_review_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_move_review_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMoveReviewPage, description_label);
  gtk_widget_class_bind_template_child (widget_class, PvMoveReviewPage, people_list);
}

static void
pv_move_review_page_init (PvMoveReviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PvPage *
pv_move_review_page_new (PvMoveFlow *flow)
{
  PvMoveReviewPage *self;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_MOVE_REVIEW_PAGE, NULL);
  self->flow = g_object_ref (flow);
  g_signal_connect_object (flow, "changed", G_CALLBACK (build), self, G_CONNECT_SWAPPED);
  build (self);

  return PV_PAGE (self);
}
