/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "provisio-core.h"

typedef GObject  *(*ReadFunc)  (JsonNode *node, const char *path, GError **error);
typedef JsonNode *(*WriteFunc) (gpointer object);

#define WRAP(name) \
  static GObject * \
  read_##name (JsonNode *node, const char *path, GError **error) \
  { \
    return G_OBJECT (pv_##name##_new_from_json (node, path, error)); \
  } \
  static JsonNode * \
  write_##name (gpointer object) \
  { \
    return pv_##name##_to_json (object); \
  }

WRAP (user)
WRAP (pool)
WRAP (sip_domain)
WRAP (voice_routing_policy)
WRAP (licence_sku)
WRAP (operator)
WRAP (country)
WRAP (contact_details)
WRAP (phone_number)
WRAP (emergency_address)
WRAP (operation_result)

typedef struct
{
  const char *what;
  ReadFunc read;
  WriteFunc write;
  const char *json;
} RoundTrip;

static const RoundTrip round_trips[] = {
  { "user", read_user, write_user,
    "{\"id\":\"u1\",\"displayName\":\"Hélène de la Fontaine\",\"givenName\":\"Hélène\","
    "\"surname\":\"de la Fontaine\",\"mail\":\"helene@contoso.com\","
    "\"userPrincipalName\":\"hfontaine@contoso.com\",\"onPremisesSamAccountName\":\"HFONTAINE\","
    "\"onPremisesSyncEnabled\":true,\"usageLocation\":\"FR\","
    "\"assignedLicenses\":[{\"skuId\":\"sku-e5\",\"disabledPlans\":[\"p1\"]}],"
    "\"assignedPlans\":[{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\","
    "\"service\":\"MCOEV\",\"capabilityStatus\":\"Enabled\"}],"
    "\"sipAddress\":\"sip:helene@contoso.com\",\"registrarPool\":\"pool01.contoso.com\","
    "\"enterpriseVoiceEnabled\":true,\"lineUri\":\"tel:+33142685300;ext=5300\","
    "\"onPremLineUri\":null,\"hostedVoiceMail\":false,\"voiceRoutingPolicy\":\"France\","
    "\"teamsUpgradeEffectiveMode\":\"TeamsOnly\"}" },
  { "pool", read_pool, write_pool,
    "{\"fqdn\":\"dir01.contoso.com\",\"kind\":\"director\",\"site\":\"Paris\","
    "\"machines\":[\"dir01a.contoso.com\",\"dir01b.contoso.com\"]}" },
  { "sip-domain", read_sip_domain, write_sip_domain,
    "{\"name\":\"contoso.com\",\"isDefault\":true}" },
  { "voice-routing-policy", read_voice_routing_policy, write_voice_routing_policy,
    "{\"identity\":\"France\",\"description\":null,\"pstnUsages\":[\"Local\",\"National\"]}" },
  { "licence-sku", read_licence_sku, write_licence_sku,
    "{\"skuId\":\"06ebc4ee\",\"skuPartNumber\":\"ENTERPRISEPREMIUM\",\"consumedUnits\":12,"
    "\"prepaidUnits\":{\"enabled\":25,\"suspended\":0,\"warning\":1},"
    "\"servicePlans\":[{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\","
    "\"servicePlanName\":\"MCOEV\",\"provisioningStatus\":\"Success\",\"appliesTo\":\"User\"}]}" },
  { "operator", read_operator, write_operator,
    "{\"id\":\"op1\",\"displayName\":\"Telco Europe\",\"regions\":[\"Europe\"],"
    "\"services\":[\"calling\",\"teamsPhoneMobile\"],\"countries\":[\"FR\",\"DE\"],"
    "\"emergencyAddressModel\":\"operatorAssignsLocked\"}" },
  { "country", read_country, write_country, "{\"code\":\"FR\"}" },
  { "contact-details", read_contact_details, write_contact_details,
    "{\"fullName\":\"Ann Lee\",\"email\":\"ann@contoso.com\",\"companySize\":250,"
    "\"phone\":null}" },
  { "phone-number", read_phone_number, write_phone_number,
    "{\"telephoneNumber\":\"+33142685300\",\"numberType\":\"operatorConnect\","
    "\"operatorId\":\"op1\",\"isoCountryCode\":\"FR\",\"assignmentStatus\":\"userAssigned\","
    "\"assignmentTargetId\":\"u1\",\"locationId\":\"loc1\"}" },
  { "emergency-address", read_emergency_address, write_emergency_address,
    "{\"id\":\"loc1\",\"description\":\"Siège\",\"companyName\":\"Contoso\","
    "\"houseNumber\":\"12\",\"streetName\":\"rue de Rivoli\",\"city\":\"Paris\","
    "\"postalCode\":\"75001\",\"stateOrProvince\":null,\"countryOrRegion\":\"FR\"}" },
  { "operation-result", read_operation_result, write_operation_result,
    "{\"item\":\"u1\",\"status\":\"alreadyDone\",\"message\":\"Déjà activé.\","
    "\"before\":null,\"after\":\"sip:a@contoso.com\"}" },
};

static void
test_round_trip (gconstpointer data)
{
  const RoundTrip *rt = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) in = pv_json_parse (rt->json, -1, &error);
  g_autoptr(GObject) object = NULL;
  g_autoptr(JsonNode) out = NULL;

  g_assert_no_error (error);
  object = rt->read (in, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (object);
  out = rt->write (object);
  if (!json_node_equal (in, out))
    {
      g_autofree char *text = pv_json_to_string (out);
      g_error ("%s: round trip differs:\n in: %s\nout: %s", rt->what, rt->json, text);
    }
  g_assert_finalize_object (g_steal_pointer (&object));
}

typedef struct
{
  ReadFunc read;
  const char *json;
  int code;
  const char *in_message;
} BadCase;

static void
test_errors (void)
{
  static const BadCase cases[] = {
    { read_user, "[]", PV_JSON_ERROR_NOT_OBJECT, NULL },
    { read_user, "\"user\"", PV_JSON_ERROR_NOT_OBJECT, NULL },
    { read_user, "{}", PV_JSON_ERROR_MISSING_MEMBER, "“id”" },
    { read_user, "{\"id\":null}", PV_JSON_ERROR_MISSING_MEMBER, "“id”" },
    { read_user, "{\"id\":\"\"}", PV_JSON_ERROR_INVALID_VALUE, "“id”" },
    { read_user, "{\"id\":42}", PV_JSON_ERROR_WRONG_TYPE, "“id”" },
    { read_user, "{\"id\":\"u\",\"mail\":[\"a\"]}", PV_JSON_ERROR_WRONG_TYPE, "“mail”" },
    { read_user, "{\"id\":\"u\",\"enterpriseVoiceEnabled\":\"yes\"}", PV_JSON_ERROR_WRONG_TYPE,
      "“enterpriseVoiceEnabled”" },
    { read_user, "{\"id\":\"u\",\"teamsUpgradeEffectiveMode\":\"teamsonly\"}",
      PV_JSON_ERROR_UNKNOWN_VALUE, "TeamsOnly" },
    { read_user, "{\"id\":\"u\",\"teamsUpgradeEffectiveMode\":null}", PV_JSON_ERROR_WRONG_TYPE,
      "“teamsUpgradeEffectiveMode”" },
    { read_user, "{\"id\":\"u\",\"assignedLicenses\":{}}", PV_JSON_ERROR_WRONG_TYPE,
      "“assignedLicenses”" },
    { read_user, "{\"id\":\"u\",\"assignedLicenses\":[{\"disabledPlans\":[]}]}",
      PV_JSON_ERROR_MISSING_MEMBER, "“assignedLicenses[0].skuId”" },
    { read_user, "{\"id\":\"u\",\"assignedLicenses\":[{\"skuId\":\"s\",\"disabledPlans\":[1]}]}",
      PV_JSON_ERROR_WRONG_TYPE, "“assignedLicenses[0].disabledPlans[0]”" },
    { read_pool, "{\"fqdn\":\"p.contoso.com\"}", PV_JSON_ERROR_MISSING_MEMBER, "“kind”" },
    { read_pool, "{\"fqdn\":\"p.contoso.com\",\"kind\":\"frontEnd\"}",
      PV_JSON_ERROR_UNKNOWN_VALUE, "standardEdition, enterprise, director" },
    { read_pool, "{\"fqdn\":\"p.contoso.com\",\"kind\":3}", PV_JSON_ERROR_WRONG_TYPE, "“kind”" },
    { read_pool, "{\"fqdn\":\"p.contoso.com\",\"kind\":\"enterprise\",\"machines\":\"m\"}",
      PV_JSON_ERROR_WRONG_TYPE, "“machines”" },
    { read_licence_sku, "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\",\"consumedUnits\":1.5}",
      PV_JSON_ERROR_WRONG_TYPE, "“consumedUnits”" },
    { read_licence_sku, "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\",\"consumedUnits\":-1}",
      PV_JSON_ERROR_INVALID_VALUE, "“consumedUnits”" },
    { read_licence_sku, "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\",\"prepaidUnits\":[]}",
      PV_JSON_ERROR_WRONG_TYPE, "“prepaidUnits”" },
    { read_licence_sku, "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\","
      "\"prepaidUnits\":{\"enabled\":\"5\"}}", PV_JSON_ERROR_WRONG_TYPE,
      "“prepaidUnits.enabled”" },
    { read_licence_sku, "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\",\"servicePlans\":[7]}",
      PV_JSON_ERROR_NOT_OBJECT, "“servicePlans[0]”" },
    { read_operator, "{\"id\":\"o\",\"displayName\":\"O\",\"emergencyAddressModel\":\"nobody\"}",
      PV_JSON_ERROR_UNKNOWN_VALUE, "“emergencyAddressModel”" },
    { read_operator, "{\"id\":\"o\",\"displayName\":\"O\",\"services\":[\"fax\"],"
      "\"emergencyAddressModel\":\"adminAssigns\"}", PV_JSON_ERROR_UNKNOWN_VALUE,
      "“services[0]”" },
    { read_country, "{\"code\":\"XX\"}", PV_JSON_ERROR_UNKNOWN_VALUE, "XX" },
    { read_country, "{\"code\":\"fr\"}", PV_JSON_ERROR_UNKNOWN_VALUE, "fr" },
    { read_country, "{}", PV_JSON_ERROR_MISSING_MEMBER, "“code”" },
    { read_country, "{\"code\":1}", PV_JSON_ERROR_WRONG_TYPE, "“code”" },
    { read_contact_details, "{\"companySize\":\"250\"}", PV_JSON_ERROR_WRONG_TYPE,
      "“companySize”" },
    { read_contact_details, "{\"companySize\":99999999999}", PV_JSON_ERROR_INVALID_VALUE,
      "“companySize”" },
    { read_phone_number, "{\"telephoneNumber\":\"+33142685300\",\"numberType\":\"mobile\"}",
      PV_JSON_ERROR_UNKNOWN_VALUE, "“numberType”" },
    { read_phone_number, "{\"telephoneNumber\":\"tel:+33142685300\","
      "\"numberType\":\"callingPlan\"}", PV_JSON_ERROR_INVALID_VALUE, "“telephoneNumber”" },
    { read_emergency_address, "{\"id\":\"l\"}", PV_JSON_ERROR_MISSING_MEMBER,
      "“countryOrRegion”" },
    { read_operation_result, "{\"item\":\"u\",\"status\":\"succeeded\"}",
      PV_JSON_ERROR_UNKNOWN_VALUE, "done, alreadyDone, skipped, failed" },
    { read_sip_domain, "{\"name\":\"contoso.com\",\"isDefault\":1}", PV_JSON_ERROR_WRONG_TYPE,
      "“isDefault”" },
    { read_voice_routing_policy, "{\"identity\":\"x\",\"pstnUsages\":[null]}",
      PV_JSON_ERROR_WRONG_TYPE, "“pstnUsages[0]”" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = pv_json_parse (cases[i].json, -1, &error);
      g_autoptr(GObject) object = NULL;

      g_assert_no_error (error);
      object = cases[i].read (node, NULL, &error);
      if (object != NULL)
        g_error ("accepted: %s", cases[i].json);
      if (!g_error_matches (error, PV_JSON_ERROR, cases[i].code))
        g_error ("%s: expected code %d, got %s", cases[i].json, cases[i].code,
                 error ? error->message : "no error");
      if (cases[i].in_message != NULL && strstr (error->message, cases[i].in_message) == NULL)
        g_error ("%s: message “%s” does not mention %s", cases[i].json, error->message,
                 cases[i].in_message);
    }
}

static void
test_nested_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pv_json_parse ("[{\"id\":\"a\"},{\"id\":5}]", -1, &error);
  g_autoptr(GListStore) users = pv_json_read_array (node, "value", PV_TYPE_USER, read_user,
                                                    &error);

  g_assert_null (users);
  g_assert_error (error, PV_JSON_ERROR, PV_JSON_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "“value[1].id”"));
}

static void
test_parse_errors (void)
{
  static const char * const bad[] = { "", "{", "{\"id\":}", "\xff\xfe{}", "nul\0l" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = pv_json_parse (bad[i], -1, &error);

      g_assert_null (node);
      g_assert_error (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE);
    }
}

static void
test_nullable_boolean (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pv_json_parse ("{\"id\":\"u\",\"onPremisesSyncEnabled\":null}", -1,
                                            &error);
  g_autoptr(PvUser) user = pv_user_new_from_json (node, NULL, &error);

  /* Graph sends null for a cloud-only account: it means not synchronised. */
  g_assert_no_error (error);
  g_assert_false (pv_user_get_on_premises_sync_enabled (user));
}

static void
test_phone_system (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) e5 = pv_json_parse (
    "{\"skuId\":\"06ebc4ee-1bb5-47dd-8120-11324bc54e06\",\"skuPartNumber\":\"SPE_E5\","
    "\"servicePlans\":[{\"servicePlanId\":\"57FF2DA0-773E-42DF-B2AF-FFB7A2317929\"},"
    "{\"servicePlanId\":\"4828C8EC-DC2E-4779-B502-87AC9CE28AB7\"}]}", -1, &error);
  g_autoptr(JsonNode) e3 = pv_json_parse (
    "{\"skuId\":\"05e9a617-0261-4cee-bb44-138d3ef5d965\",\"skuPartNumber\":\"SPE_E3\","
    "\"servicePlans\":[{\"servicePlanId\":\"57ff2da0-773e-42df-b2af-ffb7a2317929\"}]}",
    -1, &error);
  /* A SKU whose id equals the plan id is still not Phone System. */
  g_autoptr(JsonNode) decoy = pv_json_parse (
    "{\"skuId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\",\"skuPartNumber\":\"DECOY\"}",
    -1, &error);
  g_autoptr(JsonNode) u_yes = pv_json_parse (
    "{\"id\":\"1\",\"assignedPlans\":[{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\","
    "\"capabilityStatus\":\"Enabled\"}]}", -1, &error);
  g_autoptr(JsonNode) u_suspended = pv_json_parse (
    "{\"id\":\"2\",\"assignedPlans\":[{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\","
    "\"capabilityStatus\":\"Suspended\"}]}", -1, &error);
  g_autoptr(PvLicenceSku) sku_e5 = pv_licence_sku_new_from_json (e5, NULL, &error);
  g_autoptr(PvLicenceSku) sku_e3 = pv_licence_sku_new_from_json (e3, NULL, &error);
  g_autoptr(PvLicenceSku) sku_decoy = pv_licence_sku_new_from_json (decoy, NULL, &error);
  g_autoptr(PvUser) yes = pv_user_new_from_json (u_yes, NULL, &error);
  g_autoptr(PvUser) suspended = pv_user_new_from_json (u_suspended, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (pv_licence_sku_has_phone_system (sku_e5));
  g_assert_false (pv_licence_sku_has_phone_system (sku_e3));
  g_assert_false (pv_licence_sku_has_phone_system (sku_decoy));
  g_assert_true (pv_user_has_phone_system (yes));
  g_assert_false (pv_user_has_phone_system (suspended));
}

static void
test_licence_units (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = pv_json_parse (
    "{\"skuId\":\"s\",\"skuPartNumber\":\"E5\",\"consumedUnits\":30,"
    "\"prepaidUnits\":{\"enabled\":25}}", -1, &error);
  g_autoptr(PvLicenceSku) sku = pv_licence_sku_new_from_json (node, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (pv_licence_sku_get_enabled_units (sku), ==, 25);
  /* Over-assigned tenants exist; nothing is left, not a negative count. */
  g_assert_cmpint (pv_licence_sku_get_available_units (sku), ==, 0);
  pv_licence_sku_set_consumed_units (sku, 20);
  g_assert_cmpint (pv_licence_sku_get_available_units (sku), ==, 5);
}

static void
test_pool_target (void)
{
  g_autoptr(PvPool) pool = pv_pool_new ();

  pv_pool_set_kind (pool, PV_POOL_KIND_STANDARD_EDITION);
  g_assert_true (pv_pool_is_target (pool));
  pv_pool_set_kind (pool, PV_POOL_KIND_ENTERPRISE);
  g_assert_true (pv_pool_is_target (pool));
  pv_pool_set_kind (pool, PV_POOL_KIND_DIRECTOR);
  g_assert_false (pv_pool_is_target (pool));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(PvUser) user = pv_user_new ();
  static const char * const machines[] = { "a.contoso.com", NULL };
  static const char * const same[] = { "a.contoso.com", NULL };
  g_autoptr(PvPool) pool = pv_pool_new ();
  guint count = 0;

  g_signal_connect (user, "notify", G_CALLBACK (count_notify), &count);
  pv_user_set_mail (user, "a@contoso.com");
  pv_user_set_mail (user, "a@contoso.com");
  g_assert_cmpuint (count, ==, 1);
  g_object_set (user, "mail", "a@contoso.com", NULL);
  g_assert_cmpuint (count, ==, 1);
  pv_user_set_enterprise_voice_enabled (user, 2);
  pv_user_set_enterprise_voice_enabled (user, TRUE);
  g_assert_cmpuint (count, ==, 2);
  pv_user_set_teams_upgrade_effective_mode (user, PV_COEXISTENCE_MODE_ISLANDS);
  g_assert_cmpuint (count, ==, 2);
  pv_user_set_teams_upgrade_effective_mode (user, PV_COEXISTENCE_MODE_TEAMS_ONLY);
  g_assert_cmpuint (count, ==, 3);
  pv_user_set_mail (user, NULL);
  g_assert_cmpuint (count, ==, 4);

  count = 0;
  g_signal_connect (pool, "notify", G_CALLBACK (count_notify), &count);
  pv_pool_set_machines (pool, machines);
  pv_pool_set_machines (pool, same);
  g_assert_cmpuint (count, ==, 1);
  pv_pool_set_machines (pool, NULL);
  g_assert_cmpuint (count, ==, 2);
}

static void
test_enums (void)
{
  int value = -1;
  g_autofree char *nicks = pv_enum_list_nicks (PV_TYPE_NUMBER_TYPE);

  g_assert_cmpstr (pv_enum_to_nick (PV_TYPE_COEXISTENCE_MODE,
                                    PV_COEXISTENCE_MODE_SFB_WITH_TEAMS_COLLAB_AND_MEETINGS),
                   ==, "SfBWithTeamsCollabAndMeetings");
  g_assert_true (pv_enum_from_nick (PV_TYPE_SIP_FORMAT, "firstlast", &value));
  g_assert_cmpint (value, ==, PV_SIP_FORMAT_FIRST_LAST);
  g_assert_false (pv_enum_from_nick (PV_TYPE_SIP_FORMAT, "FirstLast", &value));
  g_assert_false (pv_enum_from_nick (PV_TYPE_SIP_FORMAT, NULL, &value));
  g_assert_cmpstr (nicks, ==, "directRouting, callingPlan, operatorConnect");
  g_assert_true (G_TYPE_IS_FLAGS (PV_TYPE_OPERATOR_SERVICES));
}

static void
test_enum_labels (void)
{
  /* Every value the UI can show has a label; steps are not shown. */
  GType types[] = {
    PV_TYPE_POOL_KIND, PV_TYPE_SIP_FORMAT, PV_TYPE_NUMBER_TYPE, PV_TYPE_NUMBER_STATUS,
    PV_TYPE_EMERGENCY_MODEL, PV_TYPE_RESULT_STATUS, PV_TYPE_COEXISTENCE_MODE, PV_TYPE_SIP_STATUS,
  };

  for (gsize t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const char *label = pv_enum_get_label (types[t], klass->values[i].value);

          if (label == NULL || *label == '\0')
            g_error ("%s has no label", klass->values[i].value_name);
        }
      g_assert_null (pv_enum_get_label (types[t], 1000));
    }

  {
    g_autoptr(GFlagsClass) klass = g_type_class_ref (PV_TYPE_OPERATOR_SERVICES);
    for (guint i = 0; i < klass->n_values; i++)
      g_assert_nonnull (pv_enum_get_label (PV_TYPE_OPERATOR_SERVICES, klass->values[i].value));
  }

  g_assert_cmpstr (pv_enum_get_label (PV_TYPE_POOL_KIND, PV_POOL_KIND_ENTERPRISE), ==,
                   "Enterprise pool");
  g_assert_null (pv_enum_get_label (PV_TYPE_ENABLE_STEP, PV_ENABLE_STEP_WELCOME));
}

static void
test_json_deep_nesting (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  /* A hostile document that would exhaust json-glib's recursion. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (deep, '[');
  node = pv_json_parse (deep->str, (gssize) deep->len, &error);
  g_assert_null (node);
  g_assert_error (error, PV_JSON_ERROR, PV_JSON_ERROR_PARSE);
  g_clear_error (&error);

  /* Brackets inside strings do not count, escaped quotes included. */
  {
    const char *quoted = "{\"a\": \"[[[[[[\\\"[[[[\"}";
    g_assert_true (pv_json_nesting_within (quoted, strlen (quoted), 2));
  }
  g_assert_true (pv_json_nesting_within ("[[1]]", 5, 2));
  g_assert_false (pv_json_nesting_within ("[[[1]]]", 7, 2));

  /* Ordinary documents are read. */
  node = pv_json_parse ("{\"value\": [{\"id\": \"1\", \"a\": [[1, 2], [3]]}]}", -1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
}

/* The readers of what a run's journal keeps: absent and null are
 * "none" only where allowed, another type never is. */
static void
test_object_read (void)
{
  const struct { const char *json; gboolean optional; gboolean ok; const char *value; } strings[] = {
    { "{\"a\":\"x\"}", FALSE, TRUE, "x" },
    { "{\"a\":\"x\"}", TRUE, TRUE, "x" },
    { "{}", TRUE, TRUE, NULL },
    { "{}", FALSE, FALSE, NULL },
    { "{\"a\":null}", TRUE, TRUE, NULL },
    { "{\"a\":null}", FALSE, FALSE, NULL },
    { "{\"a\":\"\"}", TRUE, TRUE, "" },
    { "{\"a\":\"\"}", FALSE, FALSE, "" },
    { "{\"a\":1}", TRUE, FALSE, NULL },
    { "{\"a\":[\"x\"]}", TRUE, FALSE, NULL },
    { "{\"a\":{}}", TRUE, FALSE, NULL },
  };
  const struct { const char *json; gboolean ok; gboolean value; } booleans[] = {
    { "{\"a\":true}", TRUE, TRUE },
    { "{\"a\":false}", TRUE, FALSE },
    { "{}", FALSE, TRUE },
    { "{\"a\":null}", FALSE, TRUE },
    { "{\"a\":\"true\"}", FALSE, TRUE },
    { "{\"a\":1}", FALSE, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (strings[i].json, NULL);
      g_autofree char *value = NULL;

      g_assert_cmpint (pv_json_object_read_string (json_node_get_object (node), "a", strings[i].optional, &value),
                       ==, strings[i].ok);
      g_assert_cmpstr (value, ==, strings[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (booleans); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (booleans[i].json, NULL);
      gboolean value = TRUE;

      g_assert_cmpint (pv_json_object_read_boolean (json_node_get_object (node), "a", &value), ==, booleans[i].ok);
      g_assert_cmpint (value, ==, booleans[i].value);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path = g_strdup_printf ("/json/round-trip/%s", round_trips[i].what);
      g_test_add_data_func (path, &round_trips[i], test_round_trip);
    }
  g_test_add_func ("/json/object-read", test_object_read);
  g_test_add_func ("/json/errors", test_errors);
  g_test_add_func ("/json/nested-path", test_nested_path);
  g_test_add_func ("/json/parse-errors", test_parse_errors);
  g_test_add_func ("/json/nullable-boolean", test_nullable_boolean);
  g_test_add_func ("/models/phone-system", test_phone_system);
  g_test_add_func ("/models/pool-target", test_pool_target);
  g_test_add_func ("/models/licence-units", test_licence_units);
  g_test_add_func ("/models/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/models/enums", test_enums);
  g_test_add_func ("/models/enum-labels", test_enum_labels);

  g_test_add_func ("/json/deep-nesting", test_json_deep_nesting);

  return g_test_run ();
}
