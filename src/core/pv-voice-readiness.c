/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-voice-readiness.h"

/* Whether a person can be given a phone number, in one place for Phone
 * Numbers, the person chooser, the moves and their steps. The service
 * enforces the same rules; checking them first lets the app say what to
 * do before anything changes, and keeps a move from removing a number
 * that nothing could replace. The sandbox keeps its own copy, as the real
 * service does. */

static const char *
name_of (PvUser *person)
{
  const char *name = pv_user_get_display_name (person);

  if (name == NULL || *name == '\0')
    name = pv_user_get_user_principal_name (person);
  if (name == NULL || *name == '\0')
    name = pv_user_get_id (person);
  return name != NULL ? name : "";
}

/**
 * pv_voice_readiness_check:
 * @number_type: the kind of number the person would get
 *
 * Every number needs Phone System, which a licence carries as a service
 * plan (an E5 carries it: the plan is checked, not the SKU), and a usage
 * location, without which no licence can be assigned. Operator Connect
 * and Calling Plan numbers also need the TeamsOnly coexistence mode;
 * Direct Routing numbers do not.
 *
 * Returns: what @person lacks, %PV_VOICE_READY when nothing
 */
PvVoiceNeeds
pv_voice_readiness_check (PvUser       *person,
                          PvNumberType  number_type)
{
  PvVoiceNeeds needs = PV_VOICE_READY;
  const char *location;

  g_return_val_if_fail (PV_IS_USER (person), PV_VOICE_READY);

  location = pv_user_get_usage_location (person);
  if (location == NULL || *location == '\0')
    needs |= PV_VOICE_NEEDS_USAGE_LOCATION;
  if (!pv_user_has_phone_system (person))
    needs |= PV_VOICE_NEEDS_PHONE_SYSTEM;
  if (number_type != PV_NUMBER_TYPE_DIRECT_ROUTING &&
      pv_user_get_teams_upgrade_effective_mode (person) != PV_COEXISTENCE_MODE_TEAMS_ONLY)
    needs |= PV_VOICE_NEEDS_TEAMS_ONLY;

  return needs;
}

/**
 * pv_voice_readiness_dup_reason:
 *
 * One sentence or more per thing @person lacks, each with where to fix
 * it, in the order they must be fixed (a licence cannot be assigned
 * before the usage location is set).
 *
 * Returns: (transfer full) (nullable): what is missing and what to do,
 *   or %NULL when @person can be given a number of @number_type
 */
char *
pv_voice_readiness_dup_reason (PvUser       *person,
                               PvNumberType  number_type)
{
  PvVoiceNeeds needs;
  g_autoptr(GPtrArray) sentences = NULL;
  const char *name;

  g_return_val_if_fail (PV_IS_USER (person), NULL);

  needs = pv_voice_readiness_check (person, number_type);
  if (needs == PV_VOICE_READY)
    return NULL;

  name = name_of (person);
  sentences = g_ptr_array_new_with_free_func (g_free);
  if (needs & PV_VOICE_NEEDS_USAGE_LOCATION)
    g_ptr_array_add (sentences,
                     g_strdup_printf (/* Translators: %s is a person. */
                                      _("%s has no usage location, which a licence and a phone "
                                        "number need. Set it (the country where they work) in "
                                        "the Microsoft 365 admin center: Users, then the person, "
                                        "then Usage location."),
                                      name));
  if (needs & PV_VOICE_NEEDS_PHONE_SYSTEM)
    g_ptr_array_add (sentences,
                     g_strdup_printf (/* Translators: %s is a person. */
                                      _("%s has no Phone System: none of their licences includes "
                                        "the Phone System service plan. Give them a licence that "
                                        "includes it (for example Office 365 E5, or Phone System "
                                        "as an add-on) in the Microsoft 365 admin center."),
                                      name));
  if (needs & PV_VOICE_NEEDS_TEAMS_ONLY)
    g_ptr_array_add (sentences,
                     g_strdup_printf (/* Translators: the first %s is a person, the second a coexistence mode. */
                                      _("%s is in the coexistence mode “%s”, not Teams only, and "
                                        "numbers from an operator or a Calling Plan are only for "
                                        "people in Teams only mode. Set their coexistence mode to "
                                        "Teams only in the Teams admin center: Users, then the "
                                        "Account tab, Teams upgrade."),
                                      name,
                                      pv_enum_get_label (PV_TYPE_COEXISTENCE_MODE,
                                                         pv_user_get_teams_upgrade_effective_mode (person))));
  g_ptr_array_add (sentences, NULL);

  return g_strjoinv ("\n", (char **) sentences->pdata);
}

/**
 * pv_voice_readiness_dup_summary:
 *
 * Returns: (transfer full) (nullable): a short line for a list of people
 *   naming everything to fix, in the order it can be fixed, or %NULL when
 *   nothing is missing
 */
char *
pv_voice_readiness_dup_summary (PvUser       *person,
                                PvNumberType  number_type)
{
  PvVoiceNeeds needs;
  g_autoptr(GPtrArray) todo = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (PV_IS_USER (person), NULL);

  needs = pv_voice_readiness_check (person, number_type);
  if (needs == PV_VOICE_READY)
    return NULL;

  /* Each item stands alone in the list, so none is built from another. */
  todo = g_ptr_array_new ();
  if (needs & PV_VOICE_NEEDS_USAGE_LOCATION)
    g_ptr_array_add (todo, (gpointer) _("set a usage location"));
  if (needs & PV_VOICE_NEEDS_PHONE_SYSTEM)
    g_ptr_array_add (todo, (gpointer) _("assign a Phone System licence"));
  if (needs & PV_VOICE_NEEDS_TEAMS_ONLY)
    g_ptr_array_add (todo, (gpointer) _("upgrade them to Teams only"));
  g_ptr_array_add (todo, NULL);

  list = g_strjoinv (_(", "), (char **) todo->pdata);
  /* Translators: %s is a list of things to do, such as "set a usage
   * location, assign a Phone System licence". */
  return g_strdup_printf (_("To do first: %s"), list);
}

/**
 * pv_voice_readiness_dup_facts:
 *
 * Returns: (transfer full): the person's user principal name and what
 *   they have and lack for a number from an operator, for a chooser row
 */
char *
pv_voice_readiness_dup_facts (PvUser *person)
{
  PvVoiceNeeds needs;
  const char *upn;

  g_return_val_if_fail (PV_IS_USER (person), NULL);

  needs = pv_voice_readiness_check (person, PV_NUMBER_TYPE_OPERATOR_CONNECT);
  upn = pv_user_get_user_principal_name (person);
  if (upn == NULL)
    upn = "";

  /* Translators: %s is a user principal name, followed by what the
   * person has and lacks for a phone number. */
  if (needs & PV_VOICE_NEEDS_USAGE_LOCATION)
    return g_strdup_printf (_("%s · no usage location"), upn);
  if (!(needs & PV_VOICE_NEEDS_TEAMS_ONLY) && !(needs & PV_VOICE_NEEDS_PHONE_SYSTEM))
    return g_strdup_printf (_("%s · Teams only · Phone System"), upn);
  if (!(needs & PV_VOICE_NEEDS_TEAMS_ONLY))
    return g_strdup_printf (_("%s · Teams only · no Phone System"), upn);
  if (!(needs & PV_VOICE_NEEDS_PHONE_SYSTEM))
    return g_strdup_printf (_("%s · not Teams only · Phone System"), upn);
  return g_strdup_printf (_("%s · not Teams only · no Phone System"), upn);
}
