/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-move-person-row.h"

/* A person who could be moved, with a box to choose them. The row names
 * its box with its title (the row is the box's activatable widget): a
 * label of the box's own would be read twice. */

struct _PvMovePersonRow
{
  AdwActionRow    parent_instance;

  char           *user_id;
  GtkCheckButton *check;
};

G_DEFINE_FINAL_TYPE (PvMovePersonRow, pv_move_person_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
check_toggled_cb (PvMovePersonRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
pv_move_person_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PvMovePersonRow *self = PV_MOVE_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, pv_move_person_row_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_move_person_row_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PvMovePersonRow *self = PV_MOVE_PERSON_ROW (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      pv_move_person_row_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_move_person_row_finalize (GObject *object)
{
  g_free (PV_MOVE_PERSON_ROW (object)->user_id);

  G_OBJECT_CLASS (pv_move_person_row_parent_class)->finalize (object);
}

static void
pv_move_person_row_class_init (PvMovePersonRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pv_move_person_row_finalize;
  object_class->get_property = pv_move_person_row_get_property;
  object_class->set_property = pv_move_person_row_set_property;

  /* Whether the person is chosen. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/moves/pv-move-person-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PvMovePersonRow, check);
}

static void
pv_move_person_row_init (PvMovePersonRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
pv_move_person_row_new (const char *user_id,
                        const char *name,
                        const char *subtitle)
{
  PvMovePersonRow *self = g_object_new (PV_TYPE_MOVE_PERSON_ROW,
                                        "title", name,
                                        "subtitle", subtitle,
                                        NULL);

  self->user_id = g_strdup (user_id);

  return GTK_WIDGET (self);
}

const char *
pv_move_person_row_get_user_id (PvMovePersonRow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PERSON_ROW (self), NULL);

  return self->user_id;
}

gboolean
pv_move_person_row_get_active (PvMovePersonRow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PERSON_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check);
}

void
pv_move_person_row_set_active (PvMovePersonRow *self,
                               gboolean         active)
{
  g_return_if_fail (PV_IS_MOVE_PERSON_ROW (self));

  /* The box notifies only a change, and the row with it. */
  gtk_check_button_set_active (self->check, active);
}
