/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-voice-routing-policy.h"

struct _PvVoiceRoutingPolicy
{
  GObject parent_instance;

  char *identity;
  char *description;
  GStrv pstn_usages;
};

G_DEFINE_FINAL_TYPE (PvVoiceRoutingPolicy, pv_voice_routing_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_IDENTITY,
  PROP_DESCRIPTION,
  PROP_PSTN_USAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const PvJsonField json_fields[] = {
  { "identity", "identity", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "description", "description", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "pstnUsages", "pstn-usages", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_voice_routing_policy_finalize (GObject *object)
{
  PvVoiceRoutingPolicy *self = (PvVoiceRoutingPolicy *) object;

  g_clear_pointer (&self->identity, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->pstn_usages, g_strfreev);

  G_OBJECT_CLASS (pv_voice_routing_policy_parent_class)->finalize (object);
}

static void
pv_voice_routing_policy_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PvVoiceRoutingPolicy *self = PV_VOICE_ROUTING_POLICY (object);

  switch (prop_id)
    {
    case PROP_IDENTITY:
      g_value_set_string (value, self->identity);
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, self->description);
      break;

    case PROP_PSTN_USAGES:
      g_value_set_boxed (value, self->pstn_usages);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_voice_routing_policy_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PvVoiceRoutingPolicy *self = PV_VOICE_ROUTING_POLICY (object);

  switch (prop_id)
    {
    case PROP_IDENTITY:
      pv_voice_routing_policy_set_identity (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      pv_voice_routing_policy_set_description (self, g_value_get_string (value));
      break;

    case PROP_PSTN_USAGES:
      pv_voice_routing_policy_set_pstn_usages (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_voice_routing_policy_class_init (PvVoiceRoutingPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_voice_routing_policy_finalize;
  object_class->get_property = pv_voice_routing_policy_get_property;
  object_class->set_property = pv_voice_routing_policy_set_property;

  /* The policy name as Grant-CsVoiceRoutingPolicy takes it. */
  properties[PROP_IDENTITY] =
    g_param_spec_string ("identity", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Free text. */
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The PSTN usages the policy grants. */
  properties[PROP_PSTN_USAGES] =
    g_param_spec_boxed ("pstn-usages", NULL, NULL,
                        G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_voice_routing_policy_init (PvVoiceRoutingPolicy *self)
{
}

PvVoiceRoutingPolicy *
pv_voice_routing_policy_new (void)
{
  return g_object_new (PV_TYPE_VOICE_ROUTING_POLICY, NULL);
}

/**
 * pv_voice_routing_policy_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvVoiceRoutingPolicy *
pv_voice_routing_policy_new_from_json (JsonNode    *node,
                                       const char  *path,
                                       GError     **error)
{
  g_autoptr(PvVoiceRoutingPolicy) self = pv_voice_routing_policy_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_voice_routing_policy_to_json (PvVoiceRoutingPolicy *self)
{
  g_return_val_if_fail (PV_IS_VOICE_ROUTING_POLICY (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_voice_routing_policy_get_identity (PvVoiceRoutingPolicy *self)
{
  g_return_val_if_fail (PV_IS_VOICE_ROUTING_POLICY (self), NULL);

  return self->identity;
}

void
pv_voice_routing_policy_set_identity (PvVoiceRoutingPolicy *self,
                                      const char           *identity)
{
  g_return_if_fail (PV_IS_VOICE_ROUTING_POLICY (self));

  if (g_strcmp0 (self->identity, identity) == 0)
    return;

  g_free (self->identity);
  self->identity = g_strdup (identity);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY]);
}

const char *
pv_voice_routing_policy_get_description (PvVoiceRoutingPolicy *self)
{
  g_return_val_if_fail (PV_IS_VOICE_ROUTING_POLICY (self), NULL);

  return self->description;
}

void
pv_voice_routing_policy_set_description (PvVoiceRoutingPolicy *self,
                                         const char           *description)
{
  g_return_if_fail (PV_IS_VOICE_ROUTING_POLICY (self));

  if (g_strcmp0 (self->description, description) == 0)
    return;

  g_free (self->description);
  self->description = g_strdup (description);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

const char * const *
pv_voice_routing_policy_get_pstn_usages (PvVoiceRoutingPolicy *self)
{
  g_return_val_if_fail (PV_IS_VOICE_ROUTING_POLICY (self), NULL);

  return (const char * const *) self->pstn_usages;
}

void
pv_voice_routing_policy_set_pstn_usages (PvVoiceRoutingPolicy *self,
                                         const char * const   *pstn_usages)
{
  g_return_if_fail (PV_IS_VOICE_ROUTING_POLICY (self));

  if (self->pstn_usages == NULL && pstn_usages == NULL)
    return;
  if (self->pstn_usages != NULL && pstn_usages != NULL &&
      g_strv_equal ((const char * const *) self->pstn_usages, pstn_usages))
    return;

  g_strfreev (self->pstn_usages);
  self->pstn_usages = g_strdupv ((char **) pstn_usages);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PSTN_USAGES]);
}
