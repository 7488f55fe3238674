/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <string.h>

#include "provisio-core.h"

/* Who can be given a phone number of each kind, as a table: the one rule
 * Phone Numbers, the person chooser, the moves and their steps share. */

#define PHONE_SYSTEM "{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\",\"service\":\"MCOEV\",\"capabilityStatus\":\"Enabled\"}"
#define PHONE_SYSTEM_OFF "{\"servicePlanId\":\"4828c8ec-dc2e-4779-b502-87ac9ce28ab7\",\"service\":\"MCOEV\",\"capabilityStatus\":\"Suspended\"}"
#define TEAMS "{\"servicePlanId\":\"57ff2da0-773e-42df-b2af-ffb7a2317929\",\"service\":\"TEAMS1\",\"capabilityStatus\":\"Enabled\"}"

static PvUser *
make_person (const char *mode,
             const char *plans,
             const char *usage_location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *location = usage_location != NULL ? g_strdup_printf ("\"%s\"", usage_location)
                                                     : g_strdup ("null");
  PvUser *person;

  json = g_strdup_printf ("{\"id\":\"u1\",\"displayName\":\"Gaëlle Boyer\","
                          "\"userPrincipalName\":\"gaelle.boyer@contoso.com\","
                          "\"usageLocation\":%s,\"teamsUpgradeEffectiveMode\":\"%s\","
                          "\"assignedPlans\":[%s]}",
                          location, mode, plans);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  person = pv_user_new_from_json (node, "/", &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  return person;
}

typedef struct
{
  const char   *mode;
  const char   *plans;
  const char   *usage_location;
  PvNumberType  type;
  PvVoiceNeeds  needs;
} ReadinessRow;

static const ReadinessRow readiness_rows[] = {
  /* Ready for every kind. */
  { "TeamsOnly", PHONE_SYSTEM "," TEAMS, "FR", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_READY },
  { "TeamsOnly", PHONE_SYSTEM, "FR", PV_NUMBER_TYPE_CALLING_PLAN, PV_VOICE_READY },
  { "TeamsOnly", PHONE_SYSTEM, "FR", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_VOICE_READY },
  /* Direct Routing numbers do not need TeamsOnly; the others do. */
  { "Islands", PHONE_SYSTEM, "FR", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_VOICE_READY },
  { "Islands", PHONE_SYSTEM, "FR", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_NEEDS_TEAMS_ONLY },
  { "SfBWithTeamsCollab", PHONE_SYSTEM, "FR", PV_NUMBER_TYPE_CALLING_PLAN, PV_VOICE_NEEDS_TEAMS_ONLY },
  { "SfBOnly", PHONE_SYSTEM, "GB", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_NEEDS_TEAMS_ONLY },
  /* Phone System is the service plan, enabled; another plan is not it. */
  { "TeamsOnly", TEAMS, "FR", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_NEEDS_PHONE_SYSTEM },
  { "TeamsOnly", PHONE_SYSTEM_OFF, "FR", PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_NEEDS_PHONE_SYSTEM },
  { "TeamsOnly", "", "FR", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_VOICE_NEEDS_PHONE_SYSTEM },
  /* A usage location is needed for any number. */
  { "TeamsOnly", PHONE_SYSTEM, NULL, PV_NUMBER_TYPE_OPERATOR_CONNECT, PV_VOICE_NEEDS_USAGE_LOCATION },
  { "TeamsOnly", PHONE_SYSTEM, "", PV_NUMBER_TYPE_DIRECT_ROUTING, PV_VOICE_NEEDS_USAGE_LOCATION },
  /* Everything missing at once. */
  { "Islands", "", NULL, PV_NUMBER_TYPE_CALLING_PLAN,
    PV_VOICE_NEEDS_USAGE_LOCATION | PV_VOICE_NEEDS_PHONE_SYSTEM | PV_VOICE_NEEDS_TEAMS_ONLY },
  { "Islands", "", NULL, PV_NUMBER_TYPE_DIRECT_ROUTING,
    PV_VOICE_NEEDS_USAGE_LOCATION | PV_VOICE_NEEDS_PHONE_SYSTEM },
};

static void
test_readiness_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (readiness_rows); i++)
    {
      const ReadinessRow *row = &readiness_rows[i];
      g_autoptr(PvUser) person = make_person (row->mode, row->plans, row->usage_location);
      g_autofree char *reason = pv_voice_readiness_dup_reason (person, row->type);
      g_autofree char *summary = pv_voice_readiness_dup_summary (person, row->type);

      g_test_message ("row %u", i);
      g_assert_cmpint (pv_voice_readiness_check (person, row->type), ==, row->needs);
      /* A reason exactly when something is missing, naming the person,
       * and one sentence a missing thing. */
      if (row->needs == PV_VOICE_READY)
        {
          g_assert_null (reason);
          g_assert_null (summary);
          continue;
        }
      g_assert_nonnull (strstr (reason, "Gaëlle Boyer"));
      g_assert_nonnull (summary);
      g_assert_cmpint (!!strstr (reason, "usage location"), ==, !!(row->needs & PV_VOICE_NEEDS_USAGE_LOCATION));
      g_assert_cmpint (!!strstr (reason, "has no Phone System"), ==, !!(row->needs & PV_VOICE_NEEDS_PHONE_SYSTEM));
      g_assert_cmpint (!!strstr (reason, "not Teams only"), ==, !!(row->needs & PV_VOICE_NEEDS_TEAMS_ONLY));
    }
}

/* The reason lists what to fix in the order it can be fixed: a licence
 * cannot be assigned before the usage location is set. */
static void
test_reason_order (void)
{
  g_autoptr(PvUser) person = make_person ("Islands", "", NULL);
  g_autofree char *reason = pv_voice_readiness_dup_reason (person, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  g_autofree char *summary = pv_voice_readiness_dup_summary (person, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  const char *location = strstr (reason, "usage location");
  const char *licence = strstr (reason, "has no Phone System");
  const char *mode = strstr (reason, "coexistence mode “Islands”");

  g_assert_nonnull (location);
  g_assert_nonnull (licence);
  g_assert_nonnull (mode);
  g_assert_true (location < licence && licence < mode);
  g_assert_cmpstr (summary, ==, "To do first: set a usage location, assign a Phone System licence, upgrade them to Teams only");
}

typedef struct
{
  const char *mode;
  const char *plans;
  const char *usage_location;
  const char *facts;
} FactsRow;

static const FactsRow facts_rows[] = {
  { "TeamsOnly", PHONE_SYSTEM, "FR", "gaelle.boyer@contoso.com · Teams only · Phone System" },
  { "TeamsOnly", TEAMS, "FR", "gaelle.boyer@contoso.com · Teams only · no Phone System" },
  { "Islands", PHONE_SYSTEM, "FR", "gaelle.boyer@contoso.com · not Teams only · Phone System" },
  { "Islands", "", "FR", "gaelle.boyer@contoso.com · not Teams only · no Phone System" },
  { "TeamsOnly", PHONE_SYSTEM, NULL, "gaelle.boyer@contoso.com · no usage location" },
};

static void
test_facts_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (facts_rows); i++)
    {
      const FactsRow *row = &facts_rows[i];
      g_autoptr(PvUser) person = make_person (row->mode, row->plans, row->usage_location);
      g_autofree char *facts = pv_voice_readiness_dup_facts (person);

      g_assert_cmpstr (facts, ==, row->facts);
    }
}

/* The reasons are translated whole, the coexistence mode's label with
 * them. */
static void
test_reason_fr (void)
{
  g_autoptr(PvUser) person = make_person ("Islands", TEAMS, "FR");
  g_autofree char *reason = NULL;

  g_setenv ("LANGUAGE", "fr", TRUE);
  setlocale (LC_ALL, "");
  reason = pv_voice_readiness_dup_reason (person, PV_NUMBER_TYPE_CALLING_PLAN);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");

  g_assert_nonnull (strstr (reason, "Gaëlle Boyer n’a pas le Système téléphonique"));
  g_assert_nonnull (strstr (reason, "Teams uniquement"));
  g_assert_null (strstr (reason, "has no"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "en", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, PV_TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/voice-readiness/table", test_readiness_table);
  g_test_add_func ("/voice-readiness/reason-order", test_reason_order);
  g_test_add_func ("/voice-readiness/facts", test_facts_table);
  g_test_add_func ("/voice-readiness/reason-fr", test_reason_fr);

  return g_test_run ();
}
