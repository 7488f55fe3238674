/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "provisio-core.h"
#include "pv-sandbox-generator.h"

/* Generated people for tenants of any size, the same for the same index
 * on every machine: names drawn from lists with the hard cases (accents,
 * non-Latin scripts, apostrophes, hyphens), and a spread of the states
 * the flows meet (no e-mail, no first name, cloud-only, already enabled,
 * TeamsOnly or Islands, licensed or not). */

static const char * const given_names[] = {
  "Anne", "Émilie", "François", "Jean-Luc", "Zoë", "Søren", "Łukasz", "José",
  "Mónica", "Ayşe", "Иван", "Ελένη", "山田", "Nguyễn", "Chloé", "Seán",
  "Marie-Hélène", "Björn", "Đorđe", "Åsa", "محمد", "Priya", "D'Arcy", "Noé",
};

static const char * const surnames[] = {
  "Martin", "Dubois", "O'Brien", "Müller", "García-López", "Ødegaard", "Kowalski",
  "Petrov", "Παπαδόπουλος", "田中", "Lefèvre", "D'Angelo", "Núñez", "Çelik",
  "Smith", "Nakamura", "Le Goff", "Van der Berg", "Ибрагимов", "Sørensen",
};

static const char * const locations[] = { "FR", "US", "DE", "GB", NULL, "CA", "JP", "BE" };

#define E5_SKU "06ebc4ee-1bb5-47dd-8120-11324bc54e06"
#define PHONE_SYSTEM_PLAN "4828c8ec-dc2e-4779-b502-87ac9ce28ab7"

JsonNode *
pv_sandbox_generate_user (guint index)
{
  g_autoptr(PvUser) user = pv_user_new ();
  const char *given = given_names[index % G_N_ELEMENTS (given_names)];
  const char *surname = surnames[(index / G_N_ELEMENTS (given_names) + index * 7) %
                                 G_N_ELEMENTS (surnames)];
  g_autofree char *id = NULL;
  g_autofree char *display = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *local = NULL;
  g_autofree char *upn = NULL;
  g_autofree char *sam = NULL;
  gboolean synced = index % 6 != 5;

  /* A UUID in shape, unique per index. */
  id = g_strdup_printf ("%08x-%04x-4%03x-8%03x-%012x",
                        g_int_hash (&index) ^ 0x5a5a5a5au, index & 0xffffu,
                        (index >> 4) & 0xfffu, index % 0xfffu, index);
  display = g_strdup_printf ("%s %s", given, surname);
  ascii = pv_sip_user_part_from_name (display);
  if (ascii == NULL || *ascii == '\0')
    {
      g_free (ascii);
      ascii = g_strdup ("user");
    }
  local = g_strdup_printf ("%s.%u", ascii, index);
  upn = g_strdup_printf ("%s@contoso.com", local);
  sam = g_strdup_printf ("u%06u", index);

  pv_user_set_id (user, id);
  pv_user_set_display_name (user, display);
  if (index % 23 != 7)
    pv_user_set_given_name (user, given);
  pv_user_set_surname (user, surname);
  if (index % 17 != 3)
    pv_user_set_mail (user, upn);
  pv_user_set_user_principal_name (user, upn);
  pv_user_set_on_premises_sync_enabled (user, synced);
  if (synced)
    pv_user_set_on_premises_sam_account_name (user, sam);
  pv_user_set_usage_location (user, locations[index % G_N_ELEMENTS (locations)]);
  pv_user_set_teams_upgrade_effective_mode (user, index % 3 == 0
                                                  ? PV_COEXISTENCE_MODE_TEAMS_ONLY
                                                  : PV_COEXISTENCE_MODE_ISLANDS);
  if (index % 4 == 0 && locations[index % G_N_ELEMENTS (locations)] != NULL)
    {
      g_autoptr(PvAssignedLicence) licence = pv_assigned_licence_new ();
      g_autoptr(PvAssignedPlan) plan = pv_assigned_plan_new ();

      pv_assigned_licence_set_sku_id (licence, E5_SKU);
      pv_user_add_assigned_licence (user, licence);
      pv_assigned_plan_set_service_plan_id (plan, PHONE_SYSTEM_PLAN);
      pv_assigned_plan_set_service (plan, "MCOEV");
      pv_assigned_plan_set_capability_status (plan, "Enabled");
      pv_user_add_assigned_plan (user, plan);
    }
  if (synced && index % 11 == 4)
    {
      g_autofree char *sip = g_strdup_printf ("sip:%s@contoso.com", local);

      pv_user_set_sip_address (user, sip);
      pv_user_set_registrar_pool (user, "pool01.contoso.com");
    }
  return pv_user_to_json (user);
}

typedef GObject *(*ReadFunc) (JsonNode *node, const char *path, GError **error);
typedef JsonNode *(*WriteFunc) (gpointer object);

static gboolean
normalize_list (JsonObject  *root,
                const char  *member,
                ReadFunc     read,
                WriteFunc    write,
                GError     **error)
{
  JsonNode *list = json_object_get_member (root, member);
  JsonArray *normalized;

  if (list == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, PV_JSON_ERROR, PV_JSON_ERROR_WRONG_TYPE, "%s: not an array", member);
      return FALSE;
    }
  normalized = json_array_new ();
  for (guint i = 0; i < json_array_get_length (json_node_get_array (list)); i++)
    {
      g_autofree char *path = pv_json_index_path (member, i);
      g_autoptr(GObject) object =
        read (json_array_get_element (json_node_get_array (list), i), path, error);

      if (object == NULL)
        {
          json_array_unref (normalized);
          return FALSE;
        }
      json_array_add_element (normalized, write (object));
    }
  json_object_set_array_member (root, member, normalized);
  return TRUE;
}

/**
 * pv_sandbox_generate_number:
 *
 * A phone number for large tenants, the same for the same index: Operator
 * Connect numbers of the seed's two operators, Direct Routing and Calling
 * Plan numbers, a few pending with their operator, each with the seed's
 * emergency address of its country. Their ranges are not the seed's.
 */
JsonNode *
pv_sandbox_generate_number (guint index)
{
  g_autoptr(PvPhoneNumber) number = pv_phone_number_new ();
  g_autofree char *telephone_number = NULL;
  guint serial = index / 4 % 10000000;

  switch (index % 4)
    {
    case 0:
      telephone_number = g_strdup_printf ("+3326%07u", serial);
      pv_phone_number_set_number_type (number, PV_NUMBER_TYPE_OPERATOR_CONNECT);
      pv_phone_number_set_operator_id (number, "orange-business");
      pv_phone_number_set_country_code (number, "FR");
      pv_phone_number_set_emergency_location_id (number, "b1d3a0e2-0001-4c3e-9a00-000000000001");
      break;
    case 1:
      telephone_number = g_strdup_printf ("+49301%07u", serial);
      pv_phone_number_set_number_type (number, PV_NUMBER_TYPE_OPERATOR_CONNECT);
      pv_phone_number_set_operator_id (number, "deutsche-telekom");
      pv_phone_number_set_country_code (number, "DE");
      pv_phone_number_set_emergency_location_id (number, "b1d3a0e2-0003-4c3e-9a00-000000000003");
      break;
    case 2:
      telephone_number = g_strdup_printf ("+3327%07u", serial);
      pv_phone_number_set_number_type (number, PV_NUMBER_TYPE_DIRECT_ROUTING);
      pv_phone_number_set_country_code (number, "FR");
      pv_phone_number_set_emergency_location_id (number, "b1d3a0e2-0001-4c3e-9a00-000000000001");
      break;
    default:
      telephone_number = g_strdup_printf ("+1206%07u", serial);
      pv_phone_number_set_number_type (number, PV_NUMBER_TYPE_CALLING_PLAN);
      pv_phone_number_set_country_code (number, "US");
      pv_phone_number_set_emergency_location_id (number, "b1d3a0e2-0002-4c3e-9a00-000000000002");
      break;
    }
  pv_phone_number_set_telephone_number (number, telephone_number);
  pv_phone_number_set_status (number, index % 50 == 7 ? PV_NUMBER_STATUS_PENDING : PV_NUMBER_STATUS_UNASSIGNED);

  return pv_phone_number_to_json (number);
}

#define READ(f) ((ReadFunc) (void (*) (void)) (f))
#define WRITE(f) ((WriteFunc) (void (*) (void)) (f))

/**
 * pv_sandbox_normalize_seed:
 * @n_generated_users: 0 to keep the seed's people, else how many to
 *   generate in their place
 *
 * Reads every resource of the seed through the core's JSON mapping and
 * writes it back, so that the sandbox serves exactly the shape the client
 * reads; a seed the core would refuse is refused here.
 */
gboolean
pv_sandbox_normalize_seed (JsonNode  *seed,
                           guint      n_generated_users,
                           GError   **error)
{
  JsonObject *root;

  if (seed == NULL || !JSON_NODE_HOLDS_OBJECT (seed))
    {
      g_set_error_literal (error, PV_JSON_ERROR, PV_JSON_ERROR_NOT_OBJECT,
                           "The seed tenant is not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (seed);

  if (n_generated_users > 0)
    {
      JsonArray *users = json_array_sized_new (n_generated_users);

      for (guint i = 0; i < n_generated_users; i++)
        json_array_add_element (users, pv_sandbox_generate_user (i));
      json_object_set_array_member (root, "users", users);
    }
  else if (!normalize_list (root, "users", READ (pv_user_new_from_json),
                            WRITE (pv_user_to_json), error))
    return FALSE;

  return normalize_list (root, "sipDomains", READ (pv_sip_domain_new_from_json),
                         WRITE (pv_sip_domain_to_json), error) &&
         normalize_list (root, "pools", READ (pv_pool_new_from_json),
                         WRITE (pv_pool_to_json), error) &&
         normalize_list (root, "voiceRoutingPolicies",
                         READ (pv_voice_routing_policy_new_from_json),
                         WRITE (pv_voice_routing_policy_to_json), error) &&
         normalize_list (root, "subscribedSkus", READ (pv_licence_sku_new_from_json),
                         WRITE (pv_licence_sku_to_json), error) &&
         normalize_list (root, "operators", READ (pv_operator_new_from_json),
                         WRITE (pv_operator_to_json), error) &&
         normalize_list (root, "phoneNumbers", READ (pv_phone_number_new_from_json),
                         WRITE (pv_phone_number_to_json), error) &&
         normalize_list (root, "emergencyAddresses",
                         READ (pv_emergency_address_new_from_json),
                         WRITE (pv_emergency_address_to_json), error);
}
