/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "provisio-core.h"
#include "pv-cli-service.h"
#include "pv-cli-voice.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"

/* provisio-cli numbers [list] | assign | unassign | release: the tenant's
 * phone numbers. Numbers are checked as E.164 before anything is sent,
 * since "tel:" prefixes and extensions are what break assignments in the
 * field. */

static const char * const exit_paragraph =
  N_("Exit status: 0 when done, 2 when the command line cannot be used (nothing is sent), 3 "
     "when the service refuses (the message says what to do first), 4 when the service cannot "
     "be reached or fails.");

static gboolean
parse_context (GOptionContext  *context,
               const char      *summary,
               const char      *paragraph,
               GOptionEntry    *entries,
               int             *argc,
               char          ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *paragraphs[] = { paragraph, exit_paragraph };

  pv_cli_voice_describe (context, summary, paragraph != NULL ? paragraphs : paragraphs + 1,
                         paragraph != NULL ? 2 : 1);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      pv_cli_voice_print_error (error->message);
      return FALSE;
    }
  return TRUE;
}

/* One E.164 number as the only argument. */
static const char *
number_argument (int    argc,
                 char **argv)
{
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      pv_cli_voice_print_error (_("Give one phone number, in E.164 format such as "
                                  "+33123456789."));
      return NULL;
    }
  if (!pv_validate_e164 (argv[1], &error))
    {
      pv_cli_voice_print_error (error->message);
      return NULL;
    }
  return argv[1];
}

static gboolean
parse_enum (GType        type,
            const char  *text,
            const char  *option,
            int         *value)
{
  g_autofree char *nicks = NULL;
  g_autofree char *message = NULL;

  if (text == NULL || pv_enum_from_nick (type, text, value))
    return TRUE;
  nicks = pv_enum_list_nicks (type);
  /* Translators: the first %s is what the user typed, the second the
   * option (--type…), the third the accepted values. */
  message = g_strdup_printf (_("“%s” is not a value of %s; use one of: %s."), text, option, nicks);
  pv_cli_voice_print_error (message);
  return FALSE;
}

static int
numbers_list (int    argc,
              char **argv)
{
  g_autofree char *service = NULL;
  g_autofree char *type = NULL;
  g_autofree char *status = NULL;
  g_autofree char *operator_id = NULL;
  g_autofree char *country = NULL;
  g_autofree char *user = NULL;
  g_autofree char *location = NULL;
  gboolean csv = FALSE;
  GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &type,
      N_("Only numbers of this type: directRouting, callingPlan or operatorConnect"), N_("TYPE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status,
      N_("Only numbers in this state: unassigned, userAssigned or pending"), N_("STATUS") },
    { "operator", 'o', 0, G_OPTION_ARG_STRING, &operator_id,
      N_("Only numbers of this operator"), N_("ID") },
    { "country", 'c', 0, G_OPTION_ARG_STRING, &country,
      N_("Only numbers of this country, such as FR"), N_("CODE") },
    { "user", 'u', 0, G_OPTION_ARG_STRING, &user,
      N_("Only numbers assigned to this user object id"), N_("ID") },
    { "location", 0, 0, G_OPTION_ARG_STRING, &location,
      N_("Only numbers with this emergency address id"), N_("ID") },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Write CSV even on a terminal"), NULL },
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { NULL }
  };
  static const char * const header[] = {
    "telephoneNumber", "numberType", "operatorId", "isoCountryCode", "assignmentStatus",
    "assignmentTargetId", "locationId", NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_auto(PvCliSession) session = { 0 };
  g_autoptr(GListStore) store = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autofree char *country_code = NULL;
  PvNumberFilter filter;

  pv_number_filter_init (&filter);
  if (!parse_context (context, _("List the tenant’s phone numbers"),
                      N_("Lists the tenant’s phone numbers, filtered by the options given (all "
                         "of them must match). Output: CSV, or a table on a terminal."),
                      entries, &argc, &argv))
    return PV_CLI_EXIT_UNUSABLE;
  if (argc > 1)
    {
      pv_cli_voice_print_error (_("This command takes no argument; filter with its options."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!parse_enum (PV_TYPE_NUMBER_TYPE, type, "--type", &filter.number_type) ||
      !parse_enum (PV_TYPE_NUMBER_STATUS, status, "--status", &filter.status))
    return PV_CLI_EXIT_UNUSABLE;
  if (country != NULL)
    {
      country_code = g_ascii_strup (country, -1);
      if (!pv_iso_codes_is_country (country_code))
        {
          /* Translators: %s is what the user typed as a country code. */
          g_autofree char *message = g_strdup_printf (_("“%s” is not a country code. Give a "
                                                        "two-letter ISO 3166 code, such as FR."),
                                                      country);
          pv_cli_voice_print_error (message);
          return PV_CLI_EXIT_UNUSABLE;
        }
    }
  filter.operator_id = operator_id;
  filter.country_code = country_code;
  filter.assigned_user_id = user;
  filter.location_id = location;

  if (!pv_cli_session_open (&session, service, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  {
    g_auto(PvCliWaiter) waiter = { session.loop, NULL };

    pv_service_client_list_numbers_async (session.client, &filter, 0, store, NULL,
                                          pv_cli_store_result_cb, &waiter);
    if (!pv_service_client_list_numbers_finish (session.client, pv_cli_wait (&waiter), &error))
      return pv_cli_voice_fail (g_steal_pointer (&error));
  }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (store), i);
      g_autoptr(GStrvBuilder) row = g_strv_builder_new ();
      const char *fields[] = {
        pv_phone_number_get_telephone_number (number),
        pv_enum_to_nick (PV_TYPE_NUMBER_TYPE, pv_phone_number_get_number_type (number)),
        pv_phone_number_get_operator_id (number),
        pv_phone_number_get_country_code (number),
        pv_enum_to_nick (PV_TYPE_NUMBER_STATUS, pv_phone_number_get_status (number)),
        pv_phone_number_get_assigned_user_id (number),
        pv_phone_number_get_emergency_location_id (number),
      };

      for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
        g_strv_builder_add (row, fields[f] != NULL ? fields[f] : "");
      g_ptr_array_add (rows, g_strv_builder_end (row));
    }
  if (!pv_cli_voice_print_rows (header, rows, csv, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  return PV_CLI_EXIT_OK;
}

typedef enum
{
  ACTION_ASSIGN,
  ACTION_UNASSIGN,
  ACTION_RELEASE,
} Action;

static int
numbers_change (Action   action,
                int      argc,
                char   **argv)
{
  g_autofree char *service = NULL;
  g_autofree char *user = NULL;
  g_autofree char *type = NULL;
  g_autofree char *location = NULL;
  GOptionEntry entries[] = {
    { "service", 0, 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { NULL }, { NULL }, { NULL }, { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("NUMBER"));
  g_auto(PvCliSession) session = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_auto(PvCliWaiter) waiter = { NULL, NULL };
  const char *telephone;
  int number_type = -1;
  gboolean ok;

  if (action == ACTION_ASSIGN)
    {
      entries[1] = (GOptionEntry) { "user", 'u', 0, G_OPTION_ARG_STRING, &user,
                                    N_("The person: object id or userPrincipalName (required)"),
                                    N_("USER") };
      entries[2] = (GOptionEntry) { "type", 't', 0, G_OPTION_ARG_STRING, &type,
                                    N_("The number’s type: operatorConnect, callingPlan or "
                                       "directRouting (default: the number’s own)"), N_("TYPE") };
      entries[3] = (GOptionEntry) { "location", 'l', 0, G_OPTION_ARG_STRING, &location,
                                    N_("An emergency address id for the number"), N_("ID") };
    }
  if (!parse_context (context,
                      action == ACTION_ASSIGN ? _("Assign a phone number to a person")
                      : action == ACTION_UNASSIGN ? _("Unassign a phone number")
                      : _("Release a phone number"),
                      action == ACTION_ASSIGN
                      ? N_("Assigns a number to a person and waits until the service has done "
                           "it. Calling Plan and Operator Connect numbers need a person in "
                           "TeamsOnly mode with a Phone System licence.")
                      : action == ACTION_UNASSIGN
                      ? N_("Unassigns a number and waits until the service has done it.")
                      : N_("Releases a number: it leaves the tenant. An assigned number must be "
                           "unassigned first (provisio-cli numbers unassign)."),
                      entries, &argc, &argv))
    return PV_CLI_EXIT_UNUSABLE;
  telephone = number_argument (argc, argv);
  if (telephone == NULL)
    return PV_CLI_EXIT_UNUSABLE;
  if (action == ACTION_ASSIGN && (user == NULL || *user == '\0'))
    {
      pv_cli_voice_print_error (_("Say who gets the number with --user, an object id or a "
                                  "userPrincipalName."));
      return PV_CLI_EXIT_UNUSABLE;
    }
  if (!parse_enum (PV_TYPE_NUMBER_TYPE, type, "--type", &number_type))
    return PV_CLI_EXIT_UNUSABLE;

  if (!pv_cli_session_open (&session, service, &error))
    return pv_cli_voice_fail (g_steal_pointer (&error));
  waiter.loop = session.loop;

  /* The number's own type, unless one was given (the service then says
   * when it is the wrong one). */
  if (action != ACTION_RELEASE && number_type < 0)
    {
      pv_service_client_get_number_async (session.client, telephone, NULL, pv_cli_store_result_cb,
                                          &waiter);
      number = pv_service_client_get_number_finish (session.client, pv_cli_wait (&waiter), &error);
      if (number == NULL)
        return pv_cli_voice_fail (g_steal_pointer (&error));
      number_type = pv_phone_number_get_number_type (number);
    }

  switch (action)
    {
    case ACTION_ASSIGN:
      pv_service_client_assign_number_async (session.client, telephone, user, number_type,
                                             location, NULL, pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_assign_number_finish (session.client, pv_cli_wait (&waiter), &error);
      break;
    case ACTION_UNASSIGN:
      pv_service_client_unassign_number_async (session.client, telephone, number_type, NULL,
                                               pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_unassign_number_finish (session.client, pv_cli_wait (&waiter), &error);
      break;
    case ACTION_RELEASE:
    default:
      pv_service_client_release_number_async (session.client, telephone, NULL,
                                              pv_cli_store_result_cb, &waiter);
      ok = pv_service_client_release_number_finish (session.client, pv_cli_wait (&waiter), &error);
      break;
    }
  if (!ok)
    return pv_cli_voice_fail (g_steal_pointer (&error));

  if (action == ACTION_ASSIGN)
    /* Translators: the first %s is a phone number, the second a person. */
    g_print (_("%s is assigned to %s.\n"), telephone, user);
  else if (action == ACTION_UNASSIGN)
    /* Translators: %s is a phone number. */
    g_print (_("%s is unassigned.\n"), telephone);
  else
    /* Translators: %s is a phone number. */
    g_print (_("%s is released: it is no longer one of the tenant’s numbers.\n"), telephone);
  return PV_CLI_EXIT_OK;
}

int
pv_cli_numbers (int    argc,
                char **argv)
{
  const char *verb = argc > 1 ? argv[1] : NULL;
  g_autofree char *prgname = NULL;

  /* Without a subcommand, or with an option first, the list. */
  if (verb == NULL || verb[0] == '-')
    {
      if (verb != NULL && (g_str_equal (verb, "--help") || g_str_equal (verb, "-h")))
        printf ("%s\n\n", _("Usage: provisio-cli numbers [list|assign|unassign|release] "
                            "[OPTION…]"));
      return numbers_list (argc, argv);
    }
  prgname = g_strdup_printf ("provisio-cli numbers %s", verb);
  g_set_prgname (prgname);
  if (g_str_equal (verb, "list"))
    return numbers_list (argc - 1, argv + 1);
  if (g_str_equal (verb, "assign"))
    return numbers_change (ACTION_ASSIGN, argc - 1, argv + 1);
  if (g_str_equal (verb, "unassign"))
    return numbers_change (ACTION_UNASSIGN, argc - 1, argv + 1);
  if (g_str_equal (verb, "release"))
    return numbers_change (ACTION_RELEASE, argc - 1, argv + 1);

  g_set_prgname ("provisio-cli numbers");
  {
    /* Translators: %s is what the user typed. */
    g_autofree char *message = g_strdup_printf (_("Unknown subcommand “%s”; use list, assign, "
                                                  "unassign or release."), verb);
    pv_cli_voice_print_error (message);
  }
  return PV_CLI_EXIT_UNUSABLE;
}
