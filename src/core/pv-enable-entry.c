/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-enable-entry.h"

struct _PvEnableEntry
{
  GObject parent_instance;

  PvUser *user;
  PvSipStatus status;
  char *address;
  int problem;
  char *message;
  char *hint;
  char *suggestion;
};

G_DEFINE_FINAL_TYPE (PvEnableEntry, pv_enable_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_USER,
  PROP_STATUS,
  PROP_ADDRESS,
  PROP_PROBLEM,
  PROP_MESSAGE,
  PROP_HINT,
  PROP_SUGGESTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pv_enable_entry_finalize (GObject *object)
{
  PvEnableEntry *self = (PvEnableEntry *) object;

  g_clear_object (&self->user);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->hint, g_free);
  g_clear_pointer (&self->suggestion, g_free);

  G_OBJECT_CLASS (pv_enable_entry_parent_class)->finalize (object);
}

static void
pv_enable_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvEnableEntry *self = PV_ENABLE_ENTRY (object);

  switch (prop_id)
    {
    case PROP_USER:
      g_value_set_object (value, self->user);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_PROBLEM:
      g_value_set_int (value, self->problem);
      break;

    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_HINT:
      g_value_set_string (value, self->hint);
      break;

    case PROP_SUGGESTION:
      g_value_set_string (value, self->suggestion);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_entry_class_init (PvEnableEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_enable_entry_finalize;
  object_class->get_property = pv_enable_entry_get_property;

  properties[PROP_USER] =
    g_param_spec_object ("user", NULL, NULL,
                         PV_TYPE_USER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       PV_TYPE_SIP_STATUS, PV_SIP_STATUS_OK,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Set for ok and for duplicates (the clashing address). */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A PvSipError code, -1 when ok. */
  properties[PROP_PROBLEM] =
    g_param_spec_int ("problem", NULL, NULL,
                      -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_HINT] =
    g_param_spec_string ("hint", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SUGGESTION] =
    g_param_spec_string ("suggestion", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_enable_entry_init (PvEnableEntry *self)
{
  self->problem = -1;
}

PvEnableEntry *
pv_enable_entry_new (PvUser *user)
{
  PvEnableEntry *self;

  g_return_val_if_fail (PV_IS_USER (user), NULL);

  self = g_object_new (PV_TYPE_ENABLE_ENTRY, NULL);
  self->user = g_object_ref (user);
  return self;
}

static void
set_string (PvEnableEntry *self,
            char         **field,
            const char    *value,
            int            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
pv_enable_entry_update (PvEnableEntry *self,
                        PvSipStatus    status,
                        const char    *address,
                        int            problem,
                        const char    *message,
                        const char    *hint,
                        const char    *suggestion)
{
  g_return_if_fail (PV_IS_ENABLE_ENTRY (self));

  /* Rows of a live preview are rebound often: notify only what moved, so
   * that the list does not redraw every row on every keystroke. */
  g_object_freeze_notify (G_OBJECT (self));
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->problem != problem)
    {
      self->problem = problem;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  set_string (self, &self->address, address, PROP_ADDRESS);
  set_string (self, &self->message, message, PROP_MESSAGE);
  set_string (self, &self->hint, hint, PROP_HINT);
  set_string (self, &self->suggestion, suggestion, PROP_SUGGESTION);
  g_object_thaw_notify (G_OBJECT (self));
}

PvUser *
pv_enable_entry_get_user (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), NULL);
  return self->user;
}

const char *
pv_enable_entry_get_address (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), NULL);
  return self->address;
}

PvSipStatus
pv_enable_entry_get_status (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), PV_SIP_STATUS_PROBLEM);
  return self->status;
}

const char *
pv_enable_entry_get_message (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), NULL);
  return self->message;
}

const char *
pv_enable_entry_get_hint (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), NULL);
  return self->hint;
}

const char *
pv_enable_entry_get_suggestion (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), NULL);
  return self->suggestion;
}

int
pv_enable_entry_get_problem (PvEnableEntry *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_ENTRY (self), -1);
  return self->problem;
}
