/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-json.h"
#include "pv-licence-sku.h"
#include "pv-user.h"

struct _PvUser
{
  GObject parent_instance;

  char *id;
  char *display_name;
  char *given_name;
  char *surname;
  char *mail;
  char *user_principal_name;
  char *on_premises_sam_account_name;
  gboolean on_premises_sync_enabled;
  char *usage_location;
  GListStore *assigned_licences;
  GListStore *assigned_plans;
  char *sip_address;
  char *registrar_pool;
  gboolean enterprise_voice_enabled;
  char *line_uri;
  char *on_prem_line_uri;
  gboolean hosted_voice_mail;
  char *voice_routing_policy;
  PvCoexistenceMode teams_upgrade_effective_mode;
};

G_DEFINE_FINAL_TYPE (PvUser, pv_user, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_DISPLAY_NAME,
  PROP_GIVEN_NAME,
  PROP_SURNAME,
  PROP_MAIL,
  PROP_USER_PRINCIPAL_NAME,
  PROP_ON_PREMISES_SAM_ACCOUNT_NAME,
  PROP_ON_PREMISES_SYNC_ENABLED,
  PROP_USAGE_LOCATION,
  PROP_ASSIGNED_LICENCES,
  PROP_ASSIGNED_PLANS,
  PROP_SIP_ADDRESS,
  PROP_REGISTRAR_POOL,
  PROP_ENTERPRISE_VOICE_ENABLED,
  PROP_LINE_URI,
  PROP_ON_PREM_LINE_URI,
  PROP_HOSTED_VOICE_MAIL,
  PROP_VOICE_ROUTING_POLICY,
  PROP_TEAMS_UPGRADE_EFFECTIVE_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GObject *
read_assigned_licence (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  return G_OBJECT (pv_assigned_licence_new_from_json (node, path, error));
}

static JsonNode *
write_assigned_licence (gpointer item)
{
  return pv_assigned_licence_to_json (item);
}

static GObject *
read_assigned_plan (JsonNode    *node,
                    const char  *path,
                    GError     **error)
{
  return G_OBJECT (pv_assigned_plan_new_from_json (node, path, error));
}

static JsonNode *
write_assigned_plan (gpointer item)
{
  return pv_assigned_plan_to_json (item);
}

static const PvJsonField json_fields[] = {
  { "id", "id", PV_JSON_FIELD_REQUIRED, NULL, NULL },
  { "displayName", "display-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "givenName", "given-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "surname", "surname", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "mail", "mail", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "userPrincipalName", "user-principal-name", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "onPremisesSamAccountName", "on-premises-sam-account-name",
    PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "onPremisesSyncEnabled", "on-premises-sync-enabled", PV_JSON_FIELD_NULLABLE, NULL, NULL },
  { "usageLocation", "usage-location", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "assignedLicenses", "assigned-licences",
    PV_JSON_FIELD_OPTIONAL, read_assigned_licence, write_assigned_licence },
  { "assignedPlans", "assigned-plans",
    PV_JSON_FIELD_OPTIONAL, read_assigned_plan, write_assigned_plan },
  { "sipAddress", "sip-address", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "registrarPool", "registrar-pool", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "enterpriseVoiceEnabled", "enterprise-voice-enabled", PV_JSON_FIELD_NULLABLE, NULL, NULL },
  { "lineUri", "line-uri", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "onPremLineUri", "on-prem-line-uri", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "hostedVoiceMail", "hosted-voice-mail", PV_JSON_FIELD_NULLABLE, NULL, NULL },
  { "voiceRoutingPolicy", "voice-routing-policy", PV_JSON_FIELD_OPTIONAL, NULL, NULL },
  { "teamsUpgradeEffectiveMode", "teams-upgrade-effective-mode",
    PV_JSON_FIELD_OPTIONAL, NULL, NULL },
};

static void
pv_user_finalize (GObject *object)
{
  PvUser *self = (PvUser *) object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->given_name, g_free);
  g_clear_pointer (&self->surname, g_free);
  g_clear_pointer (&self->mail, g_free);
  g_clear_pointer (&self->user_principal_name, g_free);
  g_clear_pointer (&self->on_premises_sam_account_name, g_free);
  g_clear_pointer (&self->usage_location, g_free);
  g_clear_object (&self->assigned_licences);
  g_clear_object (&self->assigned_plans);
  g_clear_pointer (&self->sip_address, g_free);
  g_clear_pointer (&self->registrar_pool, g_free);
  g_clear_pointer (&self->line_uri, g_free);
  g_clear_pointer (&self->on_prem_line_uri, g_free);
  g_clear_pointer (&self->voice_routing_policy, g_free);

  G_OBJECT_CLASS (pv_user_parent_class)->finalize (object);
}

static void
pv_user_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  PvUser *self = PV_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;

    case PROP_GIVEN_NAME:
      g_value_set_string (value, self->given_name);
      break;

    case PROP_SURNAME:
      g_value_set_string (value, self->surname);
      break;

    case PROP_MAIL:
      g_value_set_string (value, self->mail);
      break;

    case PROP_USER_PRINCIPAL_NAME:
      g_value_set_string (value, self->user_principal_name);
      break;

    case PROP_ON_PREMISES_SAM_ACCOUNT_NAME:
      g_value_set_string (value, self->on_premises_sam_account_name);
      break;

    case PROP_ON_PREMISES_SYNC_ENABLED:
      g_value_set_boolean (value, self->on_premises_sync_enabled);
      break;

    case PROP_USAGE_LOCATION:
      g_value_set_string (value, self->usage_location);
      break;

    case PROP_ASSIGNED_LICENCES:
      g_value_set_object (value, self->assigned_licences);
      break;

    case PROP_ASSIGNED_PLANS:
      g_value_set_object (value, self->assigned_plans);
      break;

    case PROP_SIP_ADDRESS:
      g_value_set_string (value, self->sip_address);
      break;

    case PROP_REGISTRAR_POOL:
      g_value_set_string (value, self->registrar_pool);
      break;

    case PROP_ENTERPRISE_VOICE_ENABLED:
      g_value_set_boolean (value, self->enterprise_voice_enabled);
      break;

    case PROP_LINE_URI:
      g_value_set_string (value, self->line_uri);
      break;

    case PROP_ON_PREM_LINE_URI:
      g_value_set_string (value, self->on_prem_line_uri);
      break;

    case PROP_HOSTED_VOICE_MAIL:
      g_value_set_boolean (value, self->hosted_voice_mail);
      break;

    case PROP_VOICE_ROUTING_POLICY:
      g_value_set_string (value, self->voice_routing_policy);
      break;

    case PROP_TEAMS_UPGRADE_EFFECTIVE_MODE:
      g_value_set_enum (value, self->teams_upgrade_effective_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_user_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  PvUser *self = PV_USER (object);

  switch (prop_id)
    {
    case PROP_ID:
      pv_user_set_id (self, g_value_get_string (value));
      break;

    case PROP_DISPLAY_NAME:
      pv_user_set_display_name (self, g_value_get_string (value));
      break;

    case PROP_GIVEN_NAME:
      pv_user_set_given_name (self, g_value_get_string (value));
      break;

    case PROP_SURNAME:
      pv_user_set_surname (self, g_value_get_string (value));
      break;

    case PROP_MAIL:
      pv_user_set_mail (self, g_value_get_string (value));
      break;

    case PROP_USER_PRINCIPAL_NAME:
      pv_user_set_user_principal_name (self, g_value_get_string (value));
      break;

    case PROP_ON_PREMISES_SAM_ACCOUNT_NAME:
      pv_user_set_on_premises_sam_account_name (self, g_value_get_string (value));
      break;

    case PROP_ON_PREMISES_SYNC_ENABLED:
      pv_user_set_on_premises_sync_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_USAGE_LOCATION:
      pv_user_set_usage_location (self, g_value_get_string (value));
      break;

    case PROP_SIP_ADDRESS:
      pv_user_set_sip_address (self, g_value_get_string (value));
      break;

    case PROP_REGISTRAR_POOL:
      pv_user_set_registrar_pool (self, g_value_get_string (value));
      break;

    case PROP_ENTERPRISE_VOICE_ENABLED:
      pv_user_set_enterprise_voice_enabled (self, g_value_get_boolean (value));
      break;

    case PROP_LINE_URI:
      pv_user_set_line_uri (self, g_value_get_string (value));
      break;

    case PROP_ON_PREM_LINE_URI:
      pv_user_set_on_prem_line_uri (self, g_value_get_string (value));
      break;

    case PROP_HOSTED_VOICE_MAIL:
      pv_user_set_hosted_voice_mail (self, g_value_get_boolean (value));
      break;

    case PROP_VOICE_ROUTING_POLICY:
      pv_user_set_voice_routing_policy (self, g_value_get_string (value));
      break;

    case PROP_TEAMS_UPGRADE_EFFECTIVE_MODE:
      pv_user_set_teams_upgrade_effective_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_user_class_init (PvUserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_user_finalize;
  object_class->get_property = pv_user_get_property;
  object_class->set_property = pv_user_set_property;

  /* The object id. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The display name. */
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The first name. */
  properties[PROP_GIVEN_NAME] =
    g_param_spec_string ("given-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The last name. */
  properties[PROP_SURNAME] =
    g_param_spec_string ("surname", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The e-mail address. */
  properties[PROP_MAIL] =
    g_param_spec_string ("mail", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The userPrincipalName. */
  properties[PROP_USER_PRINCIPAL_NAME] =
    g_param_spec_string ("user-principal-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The sAMAccountName of a synchronised account. */
  properties[PROP_ON_PREMISES_SAM_ACCOUNT_NAME] =
    g_param_spec_string ("on-premises-sam-account-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the account is synchronised from on-premises AD. */
  properties[PROP_ON_PREMISES_SYNC_ENABLED] =
    g_param_spec_boolean ("on-premises-sync-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* ISO 3166-1 alpha-2 code; needed before a licence is assigned. */
  properties[PROP_USAGE_LOCATION] =
    g_param_spec_string ("usage-location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The licences assigned. */
  properties[PROP_ASSIGNED_LICENCES] =
    g_param_spec_object ("assigned-licences", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The service plans assigned. */
  properties[PROP_ASSIGNED_PLANS] =
    g_param_spec_object ("assigned-plans", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* SipAddress, with its sip: prefix. */
  properties[PROP_SIP_ADDRESS] =
    g_param_spec_string ("sip-address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* RegistrarPool. */
  properties[PROP_REGISTRAR_POOL] =
    g_param_spec_string ("registrar-pool", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* EnterpriseVoiceEnabled. */
  properties[PROP_ENTERPRISE_VOICE_ENABLED] =
    g_param_spec_boolean ("enterprise-voice-enabled", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* LineURI. */
  properties[PROP_LINE_URI] =
    g_param_spec_string ("line-uri", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* OnPremLineURI. */
  properties[PROP_ON_PREM_LINE_URI] =
    g_param_spec_string ("on-prem-line-uri", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* HostedVoiceMail. */
  properties[PROP_HOSTED_VOICE_MAIL] =
    g_param_spec_boolean ("hosted-voice-mail", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* VoiceRoutingPolicy. */
  properties[PROP_VOICE_ROUTING_POLICY] =
    g_param_spec_string ("voice-routing-policy", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* TeamsUpgradeEffectiveMode. */
  properties[PROP_TEAMS_UPGRADE_EFFECTIVE_MODE] =
    g_param_spec_enum ("teams-upgrade-effective-mode", NULL, NULL,
                       PV_TYPE_COEXISTENCE_MODE, PV_COEXISTENCE_MODE_ISLANDS,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_user_init (PvUser *self)
{
  self->assigned_licences = g_list_store_new (PV_TYPE_ASSIGNED_LICENCE);
  self->assigned_plans = g_list_store_new (PV_TYPE_ASSIGNED_PLAN);
  self->teams_upgrade_effective_mode = PV_COEXISTENCE_MODE_ISLANDS;
}

PvUser *
pv_user_new (void)
{
  return g_object_new (PV_TYPE_USER, NULL);
}

/**
 * pv_user_new_from_json:
 * @node: a JSON object
 * @path: (nullable): where @node sits in its document, for error messages
 * @error: return location for a #PV_JSON_ERROR
 *
 * Returns: (transfer full) (nullable): the object, or %NULL when a member
 *   is missing, has the wrong type or an unknown value
 */
PvUser *
pv_user_new_from_json (JsonNode    *node,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(PvUser) self = pv_user_new ();

  if (!pv_json_read_fields (G_OBJECT (self), node, path,
                            json_fields, G_N_ELEMENTS (json_fields), error))
    return NULL;

  return g_steal_pointer (&self);
}

JsonNode *
pv_user_to_json (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return pv_json_write_fields (G_OBJECT (self), json_fields, G_N_ELEMENTS (json_fields));
}

const char *
pv_user_get_id (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->id;
}

void
pv_user_set_id (PvUser     *self,
                const char *id)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->id, id) == 0)
    return;

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
pv_user_get_display_name (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->display_name;
}

void
pv_user_set_display_name (PvUser     *self,
                          const char *display_name)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->display_name, display_name) == 0)
    return;

  g_free (self->display_name);
  self->display_name = g_strdup (display_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
pv_user_get_given_name (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->given_name;
}

void
pv_user_set_given_name (PvUser     *self,
                        const char *given_name)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->given_name, given_name) == 0)
    return;

  g_free (self->given_name);
  self->given_name = g_strdup (given_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GIVEN_NAME]);
}

const char *
pv_user_get_surname (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->surname;
}

void
pv_user_set_surname (PvUser     *self,
                     const char *surname)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->surname, surname) == 0)
    return;

  g_free (self->surname);
  self->surname = g_strdup (surname);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SURNAME]);
}

const char *
pv_user_get_mail (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->mail;
}

void
pv_user_set_mail (PvUser     *self,
                  const char *mail)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->mail, mail) == 0)
    return;

  g_free (self->mail);
  self->mail = g_strdup (mail);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAIL]);
}

const char *
pv_user_get_user_principal_name (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->user_principal_name;
}

void
pv_user_set_user_principal_name (PvUser     *self,
                                 const char *user_principal_name)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->user_principal_name, user_principal_name) == 0)
    return;

  g_free (self->user_principal_name);
  self->user_principal_name = g_strdup (user_principal_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER_PRINCIPAL_NAME]);
}

const char *
pv_user_get_on_premises_sam_account_name (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->on_premises_sam_account_name;
}

void
pv_user_set_on_premises_sam_account_name (PvUser     *self,
                                          const char *on_premises_sam_account_name)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->on_premises_sam_account_name, on_premises_sam_account_name) == 0)
    return;

  g_free (self->on_premises_sam_account_name);
  self->on_premises_sam_account_name = g_strdup (on_premises_sam_account_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_PREMISES_SAM_ACCOUNT_NAME]);
}

gboolean
pv_user_get_on_premises_sync_enabled (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), 0);

  return self->on_premises_sync_enabled;
}

void
pv_user_set_on_premises_sync_enabled (PvUser   *self,
                                      gboolean  on_premises_sync_enabled)
{
  g_return_if_fail (PV_IS_USER (self));

  on_premises_sync_enabled = !!on_premises_sync_enabled;

  if (self->on_premises_sync_enabled == on_premises_sync_enabled)
    return;

  self->on_premises_sync_enabled = on_premises_sync_enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_PREMISES_SYNC_ENABLED]);
}

const char *
pv_user_get_usage_location (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->usage_location;
}

void
pv_user_set_usage_location (PvUser     *self,
                            const char *usage_location)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->usage_location, usage_location) == 0)
    return;

  g_free (self->usage_location);
  self->usage_location = g_strdup (usage_location);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USAGE_LOCATION]);
}

/**
 * pv_user_get_assigned_licences:
 *
 * Returns: (transfer none): a list of #PvAssignedLicence
 */
GListModel *
pv_user_get_assigned_licences (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return G_LIST_MODEL (self->assigned_licences);
}

void
pv_user_add_assigned_licence (PvUser            *self,
                              PvAssignedLicence *assigned_licence)
{
  g_return_if_fail (PV_IS_USER (self));
  g_return_if_fail (PV_IS_ASSIGNED_LICENCE (assigned_licence));

  g_list_store_append (self->assigned_licences, assigned_licence);
}

/**
 * pv_user_get_assigned_plans:
 *
 * Returns: (transfer none): a list of #PvAssignedPlan
 */
GListModel *
pv_user_get_assigned_plans (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return G_LIST_MODEL (self->assigned_plans);
}

void
pv_user_add_assigned_plan (PvUser         *self,
                           PvAssignedPlan *assigned_plan)
{
  g_return_if_fail (PV_IS_USER (self));
  g_return_if_fail (PV_IS_ASSIGNED_PLAN (assigned_plan));

  g_list_store_append (self->assigned_plans, assigned_plan);
}

const char *
pv_user_get_sip_address (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->sip_address;
}

void
pv_user_set_sip_address (PvUser     *self,
                         const char *sip_address)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->sip_address, sip_address) == 0)
    return;

  g_free (self->sip_address);
  self->sip_address = g_strdup (sip_address);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIP_ADDRESS]);
}

const char *
pv_user_get_registrar_pool (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->registrar_pool;
}

void
pv_user_set_registrar_pool (PvUser     *self,
                            const char *registrar_pool)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->registrar_pool, registrar_pool) == 0)
    return;

  g_free (self->registrar_pool);
  self->registrar_pool = g_strdup (registrar_pool);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGISTRAR_POOL]);
}

gboolean
pv_user_get_enterprise_voice_enabled (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), 0);

  return self->enterprise_voice_enabled;
}

void
pv_user_set_enterprise_voice_enabled (PvUser   *self,
                                      gboolean  enterprise_voice_enabled)
{
  g_return_if_fail (PV_IS_USER (self));

  enterprise_voice_enabled = !!enterprise_voice_enabled;

  if (self->enterprise_voice_enabled == enterprise_voice_enabled)
    return;

  self->enterprise_voice_enabled = enterprise_voice_enabled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENTERPRISE_VOICE_ENABLED]);
}

const char *
pv_user_get_line_uri (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->line_uri;
}

void
pv_user_set_line_uri (PvUser     *self,
                      const char *line_uri)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->line_uri, line_uri) == 0)
    return;

  g_free (self->line_uri);
  self->line_uri = g_strdup (line_uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE_URI]);
}

const char *
pv_user_get_on_prem_line_uri (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->on_prem_line_uri;
}

void
pv_user_set_on_prem_line_uri (PvUser     *self,
                              const char *on_prem_line_uri)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->on_prem_line_uri, on_prem_line_uri) == 0)
    return;

  g_free (self->on_prem_line_uri);
  self->on_prem_line_uri = g_strdup (on_prem_line_uri);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ON_PREM_LINE_URI]);
}

gboolean
pv_user_get_hosted_voice_mail (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), 0);

  return self->hosted_voice_mail;
}

void
pv_user_set_hosted_voice_mail (PvUser   *self,
                               gboolean  hosted_voice_mail)
{
  g_return_if_fail (PV_IS_USER (self));

  hosted_voice_mail = !!hosted_voice_mail;

  if (self->hosted_voice_mail == hosted_voice_mail)
    return;

  self->hosted_voice_mail = hosted_voice_mail;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTED_VOICE_MAIL]);
}

const char *
pv_user_get_voice_routing_policy (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), NULL);

  return self->voice_routing_policy;
}

void
pv_user_set_voice_routing_policy (PvUser     *self,
                                  const char *voice_routing_policy)
{
  g_return_if_fail (PV_IS_USER (self));

  if (g_strcmp0 (self->voice_routing_policy, voice_routing_policy) == 0)
    return;

  g_free (self->voice_routing_policy);
  self->voice_routing_policy = g_strdup (voice_routing_policy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VOICE_ROUTING_POLICY]);
}

PvCoexistenceMode
pv_user_get_teams_upgrade_effective_mode (PvUser *self)
{
  g_return_val_if_fail (PV_IS_USER (self), 0);

  return self->teams_upgrade_effective_mode;
}

void
pv_user_set_teams_upgrade_effective_mode (PvUser            *self,
                                          PvCoexistenceMode  teams_upgrade_effective_mode)
{
  g_return_if_fail (PV_IS_USER (self));

  if (self->teams_upgrade_effective_mode == teams_upgrade_effective_mode)
    return;

  self->teams_upgrade_effective_mode = teams_upgrade_effective_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEAMS_UPGRADE_EFFECTIVE_MODE]);
}

/**
 * pv_user_has_service_plan:
 * @service_plan_id: a service plan GUID, any case
 *
 * Returns: whether the plan is assigned and enabled; a plan that Graph
 *   reports suspended, deleted or locked out does not count
 */
gboolean
pv_user_has_service_plan (PvUser     *self,
                          const char *service_plan_id)
{
  guint n;

  g_return_val_if_fail (PV_IS_USER (self), FALSE);
  g_return_val_if_fail (service_plan_id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->assigned_plans));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvAssignedPlan) plan =
        g_list_model_get_item (G_LIST_MODEL (self->assigned_plans), i);
      const char *id = pv_assigned_plan_get_service_plan_id (plan);
      const char *status = pv_assigned_plan_get_capability_status (plan);

      if (id != NULL && g_ascii_strcasecmp (id, service_plan_id) == 0 &&
          (status == NULL || g_strcmp0 (status, "Enabled") == 0))
        return TRUE;
    }
  return FALSE;
}

gboolean
pv_user_has_phone_system (PvUser *self)
{
  return pv_user_has_service_plan (self, PV_PHONE_SYSTEM_SERVICE_PLAN_ID);
}
