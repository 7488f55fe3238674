/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-move-run-row.h"

/* A person of a move's run: where their move stands, and inside, each of
 * the four steps with its outcome, the icon of which says it to a
 * screen reader too. */

struct _PvMoveRunRow
{
  AdwExpanderRow  parent_instance;

  PvMoveKind      kind;
  char           *user_id;
  gboolean        moved;
  AdwActionRow   *step_rows[PV_MOVE_N_STEPS];
  GtkImage       *icons[PV_MOVE_N_STEPS];
};

G_DEFINE_FINAL_TYPE (PvMoveRunRow, pv_move_run_row, ADW_TYPE_EXPANDER_ROW)

static void
pv_move_run_row_finalize (GObject *object)
{
  g_free (PV_MOVE_RUN_ROW (object)->user_id);

  G_OBJECT_CLASS (pv_move_run_row_parent_class)->finalize (object);
}

static void
pv_move_run_row_class_init (PvMoveRunRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = pv_move_run_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-run-row.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "step1", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, step_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "step2", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, step_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "step3", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, step_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "step4", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, step_rows[3]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon1", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, icons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon2", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, icons[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon3", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, icons[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "icon4", FALSE, G_STRUCT_OFFSET (PvMoveRunRow, icons[3]));
}

static void
pv_move_run_row_init (PvMoveRunRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pv_move_run_row_new (PvMoveKind  kind,
                     const char *user_id,
                     const char *name)
{
  PvMoveRunRow *self = g_object_new (PV_TYPE_MOVE_RUN_ROW, "title", name, NULL);

  self->kind = kind;
  self->user_id = g_strdup (user_id);
  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      /* Translators: %u is a step's number, %s its name. */
      g_autofree char *title = g_strdup_printf (_("%u. %s"), step + 1, pv_move_step_title (kind, step));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->step_rows[step]), title);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), _("Not started"));

  return GTK_WIDGET (self);
}

const char *
pv_move_run_row_get_user_id (PvMoveRunRow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_RUN_ROW (self), NULL);

  return self->user_id;
}

/* Whether the person's last step took effect, as of the last update. */
gboolean
pv_move_run_row_get_moved (PvMoveRunRow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_RUN_ROW (self), FALSE);

  return self->moved;
}

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

/**
 * pv_move_run_row_update:
 *
 * Shows what the steps of @flow know of the person: each step that ran,
 * with its message and outcome, and where the move stands.
 */
void
pv_move_run_row_update (PvMoveRunRow *self,
                        PvMoveFlow   *flow)
{
  PvMoveSteps *steps;
  g_autofree char *subtitle = NULL;
  guint last = G_MAXUINT;

  g_return_if_fail (PV_IS_MOVE_RUN_ROW (self));
  g_return_if_fail (PV_IS_MOVE_FLOW (flow));

  steps = pv_move_flow_get_steps (flow);
  g_return_if_fail (PV_IS_MOVE_STEPS (steps));

  for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
    {
      PvOperationResult *result = pv_move_steps_get_step_result (steps, self->user_id, step);
      GtkWidget *icon = GTK_WIDGET (self->icons[step]);

      if (result == NULL)
        continue;
      last = step;
      adw_action_row_set_subtitle (self->step_rows[step], pv_operation_result_get_message (result));
      gtk_image_set_from_icon_name (self->icons[step], status_icon (pv_operation_result_get_status (result)));
      gtk_widget_set_visible (icon, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      status_text (pv_operation_result_get_status (result)), -1);
    }

  self->moved = pv_move_flow_is_moved (flow, self->user_id);
  if (last == G_MAXUINT)
    subtitle = g_strdup (_("Not started"));
  else if (self->moved)
    subtitle = g_strdup (_("Moved to Operator Connect"));
  else
    {
      PvResultStatus status = pv_operation_result_get_status (pv_move_steps_get_step_result (steps, self->user_id, last));

      if (status == PV_RESULT_STATUS_FAILED)
        /* Translators: %u is a step's number, %s its name. */
        subtitle = g_strdup_printf (_("Stopped: step %u failed (%s)"), last + 1, pv_move_step_title (self->kind, last));
      else if (status == PV_RESULT_STATUS_SKIPPED)
        /* Translators: %u is a step's number, %s its name. */
        subtitle = g_strdup_printf (_("Waiting at step %u (%s)"), last + 1, pv_move_step_title (self->kind, last));
      else
        /* Translators: %u is a step's number. */
        subtitle = g_strdup_printf (_("Step %u of 4 done"), last + 1);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}
