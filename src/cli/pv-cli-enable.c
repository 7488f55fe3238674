/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "pv-cli-enable.h"
#include "pv-cli-service.h"
#include "pv-cli-table.h"
#include "pv-enable-plan.h"
#include "pv-enable-steps.h"
#include "pv-enums.h"
#include "pv-export.h"
#include "pv-json.h"
#include "pv-run-info.h"
#include "pv-run-journal.h"
#include "pv-run-store.h"
#include "pv-runner.h"
#include "pv-sandbox-server.h"
#include "pv-service-calls.h"
#include "pv-service-error.h"
#include "pv-sip-domain.h"
#include "pv-user-list.h"

/* provisio-cli enable: the "Enable users for a pool" flow without a
 * window. Same plan, same runner, same journal and exports as the app;
 * with no --service it talks to the sandbox tenant, started in-process on
 * the user's persisted sandbox state, over HTTP like any service.
 *
 * A run is known by its id, printed when it starts: its journal records
 * the plan (each person's address included), so that `enable --resume ID`
 * continues a run that was killed or interrupted without asking the
 * directory again (which the first part of the run has changed). */

#define FLOW "enable-users"

enum {
  EXIT_OK = 0,
  EXIT_PROBLEMS = 1,
  EXIT_UNUSABLE = 2,
  /* The shell's status for a command stopped by SIGINT; here the run
   * stopped cleanly and can be resumed. */
  EXIT_INTERRUPTED = 130,
};

/* The progress bar is redrawn at most this often: a run of thousands
 * finishes many people between two frames of a terminal. */
#define REDRAW_EVERY_US (100 * G_TIME_SPAN_MILLISECOND)
#define BAR_MAX_WIDTH 40
#define BAR_MIN_WIDTH 10

typedef struct
{
  PvRunner     *runner;
  GCancellable *cancellable;
  const char   *run_id;
  gboolean      tty;
  gboolean      dry_run;
  gboolean      earlier;      /* the results being reported come from the journal */
  guint         n_earlier;
  gint64        started_us;
  gint64        drawn_us;
  gboolean      bar_shown;
  guint         sigint_id;
} Progress;

static void
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
}

static PvSipFormat
parse_format (const char *name,
              gboolean   *ok)
{
  int value = PV_SIP_FORMAT_EMAIL;

  *ok = pv_enum_from_nick (PV_TYPE_SIP_FORMAT, name, &value);
  return (PvSipFormat) value;
}

static PvExportFormat
format_for_path (const char *path,
                 gboolean   *ok)
{
  *ok = TRUE;
  if (g_str_has_suffix (path, ".xml"))
    return PV_EXPORT_FORMAT_XML;
  if (g_str_has_suffix (path, ".ps1"))
    return PV_EXPORT_FORMAT_POWERSHELL;
  if (g_str_has_suffix (path, ".csv"))
    return PV_EXPORT_FORMAT_CSV;
  *ok = FALSE;
  return PV_EXPORT_FORMAT_XML;
}

/* --- Progress. --- */

static guint
terminal_columns (void)
{
  struct winsize size;

  if (ioctl (STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    return size.ws_col;
  return 80;
}

static char *
format_duration (gint64 seconds)
{
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", (guint) (seconds / 3600), (guint) (seconds / 60 % 60),
                            (guint) (seconds % 60));
  return g_strdup_printf ("%u:%02u", (guint) (seconds / 60), (guint) (seconds % 60));
}

static void
clear_bar (Progress *progress)
{
  if (progress->bar_shown)
    g_printerr ("\r\033[K");
  progress->bar_shown = FALSE;
}

/* One line, redrawn in place: a bar, the counts, the share done and, once
 * this process has finished someone, the time left at its pace so far. */
static void
draw_bar (Progress *progress,
          gboolean  force)
{
  gint64 now = g_get_monotonic_time ();
  guint n_finished = pv_runner_get_n_finished (progress->runner);
  guint n_items = pv_runner_get_n_items (progress->runner);
  guint percent = n_items > 0 ? (guint) ((guint64) n_finished * 100 / n_items) : 100;
  guint done_here = n_finished - progress->n_earlier;
  gint64 elapsed = now - progress->started_us;
  PvRunResults *results = pv_runner_get_run_results (progress->runner);
  guint n_failed = pv_run_results_get_count (results, PV_RESULT_STATUS_FAILED);
  guint n_skipped = pv_run_results_get_count (results, PV_RESULT_STATUS_SKIPPED) -
                    (progress->dry_run ? pv_run_results_get_n_proposed (results) : 0);
  guint columns = terminal_columns ();
  g_autoptr(GString) line = g_string_new ("\r");
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *shown = NULL;
  glong width;
  glong bar_width;

  if (!force && progress->bar_shown && now - progress->drawn_us < REDRAW_EVERY_US)
    return;
  progress->drawn_us = now;

  /* Translators: the progress of a run: people finished, people in all,
   * and the share finished, as in “120/400 (30%)”. */
  g_string_append_printf (text, _("%u/%u (%u%%)"), n_finished, n_items, percent);
  if (n_failed > 0)
    {
      g_string_append (text, " · ");
      /* Translators: part of the progress line of a run. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u failed", "%u failed",
                                                 n_failed), n_failed);
    }
  if (n_skipped > 0)
    {
      g_string_append (text, " · ");
      /* Translators: part of the progress line of a run. */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u skipped", "%u skipped",
                                                 n_skipped), n_skipped);
    }
  /* The pace is known once this process has finished someone and run
   * for a second; less than a second left is not worth saying. */
  if (done_here > 0 && n_finished < n_items && elapsed >= G_USEC_PER_SEC &&
      (double) (n_items - n_finished) * (double) elapsed / done_here >= G_USEC_PER_SEC)
    {
      gint64 left = (gint64) ((double) (n_items - n_finished) * (double) elapsed / done_here / G_USEC_PER_SEC);
      g_autofree char *duration = format_duration (left);

      g_string_append (text, " · ");
      /* Translators: part of the progress line of a run; %s is a duration
       * such as 1:05 (minutes:seconds) or 1:02:03. */
      g_string_append_printf (text, _("about %s left"), duration);
    }

  /* Never as wide as the terminal: writing its last column wraps the
   * line on some terminals, and the bar would then scroll. */
  shown = pv_cli_display_text (text->str, (glong) columns - 1);
  width = pv_cli_display_width (shown);
  bar_width = MIN ((glong) columns - 1 - width - 3, BAR_MAX_WIDTH);
  if (bar_width >= BAR_MIN_WIDTH)
    {
      glong filled = n_items > 0 ? (glong) ((guint64) bar_width * n_finished / n_items) : bar_width;
      gboolean utf8 = g_get_charset (NULL);

      g_string_append_c (line, '[');
      for (glong i = 0; i < bar_width; i++)
        g_string_append (line, i < filled ? (utf8 ? "█" : "#") : (utf8 ? "░" : "-"));
      g_string_append (line, "] ");
    }
  g_string_append (line, shown);
  g_string_append (line, "\033[K");
  g_printerr ("%s", line->str);
  progress->bar_shown = TRUE;
}

static void
print_result_line (PvRunner          *runner,
                   PvOperationResult *result)
{
  const char *status = pv_enum_get_label (PV_TYPE_RESULT_STATUS, pv_operation_result_get_status (result));
  const char *message = pv_operation_result_get_message (result);
  g_autofree char *item = pv_cli_display_text (pv_operation_result_get_item (result), -1);
  g_autofree char *shown = pv_cli_display_text (message, -1);

  g_printerr ("[%u/%u] %s: %s%s%s\n",
              pv_runner_get_n_finished (runner), pv_runner_get_n_items (runner),
              item, status, message != NULL ? " — " : "", message != NULL ? shown : "");
}

/* Those that went well, and, for a dry run, those it would enable (it
 * gives them the address they would get). */
static gboolean
result_is_ok (PvOperationResult *result,
              gboolean           dry_run)
{
  PvResultStatus status = pv_operation_result_get_status (result);

  return status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE ||
         (dry_run && status == PV_RESULT_STATUS_SKIPPED && pv_operation_result_get_after (result) != NULL);
}

static void
item_finished_cb (PvRunner          *runner,
                  PvOperationResult *result,
                  Progress          *progress)
{
  gboolean ok = result_is_ok (result, progress->dry_run);

  /* What the earlier part of a resumed run did is counted, not listed
   * again. */
  if (progress->earlier)
    {
      progress->n_earlier++;
      return;
    }

  if (!progress->tty)
    {
      /* One plain line a person, so that a log or a pipe keeps them all. */
      print_result_line (runner, result);
      return;
    }

  /* On a terminal, the bar stands for those that went well; the others
   * are listed above it, so that they stay on the screen. */
  if (!ok)
    {
      clear_bar (progress);
      print_result_line (runner, result);
    }
  draw_bar (progress, !ok || pv_runner_get_n_finished (runner) == pv_runner_get_n_items (runner));
}

static gboolean
interrupted_cb (gpointer user_data)
{
  Progress *progress = user_data;

  clear_bar (progress);
  g_printerr ("%s\n", _("Stopping the run: the requests under way are cancelled and recorded. Press "
                        "Ctrl+C again to stop at once."));
  g_cancellable_cancel (progress->cancellable);
  /* Removing the handler gives SIGINT back its default action, so a
   * second Ctrl+C stops at once (which resuming copes with too). */
  progress->sigint_id = 0;
  return G_SOURCE_REMOVE;
}

/* --- Resuming. --- */

static char *
format_started (gint64 seconds)
{
  g_autoptr(GDateTime) utc = seconds > 0 ? g_date_time_new_from_unix_utc (seconds) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

/* The runs of this flow that a resume would continue: recorded with
 * their plan, and not finished. A journal that cannot be read is left
 * out; it is named when asked for by its id. */
static char *
describe_resumable_runs (void)
{
  g_autoptr(GPtrArray) runs = pv_run_store_list (NULL, PV_RUN_STORE_LIST_RESUMABLE, NULL);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; runs != NULL && i < runs->len; i++)
    {
      PvRunState *state = g_ptr_array_index (runs, i);
      const char *id = pv_run_state_get_run_id (state);
      g_autofree char *started = NULL;

      if (g_strcmp0 (pv_run_state_get_flow (state), FLOW) != 0)
        continue;

      started = format_started (pv_run_state_get_started (state));
      g_string_append (out, "  ");
      if (pv_run_state_get_cancelled (state))
        /* Translators: a run that can be resumed: its id, when it started,
         * how many people finished of how many. */
        g_string_append_printf (out, _("%1$s  started %2$s, %3$u of %4$u finished, cancelled"),
                                id, started, pv_run_state_get_n_finished (state),
                                pv_run_state_get_n_items (state));
      else
        /* Translators: a run that can be resumed: its id, when it started,
         * how many people finished of how many. */
        g_string_append_printf (out, _("%1$s  started %2$s, %3$u of %4$u finished, stopped "
                                       "before its end"),
                                id, started, pv_run_state_get_n_finished (state),
                                pv_run_state_get_n_items (state));
      g_string_append_c (out, '\n');
    }

  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}

static void
fail_unknown_run (const char *run_id)
{
  g_autofree char *runs = describe_resumable_runs ();
  /* Translators: %s is the run id the user gave after --resume. */
  g_autofree char *message = g_strdup_printf (_("There is no run “%s” to resume."), run_id);

  fail (message);
  if (runs != NULL)
    g_printerr ("%s\n%s", _("Runs that can be resumed:"), runs);
  else
    g_printerr ("%s\n", _("No run can be resumed."));
}

/* Reads the journal of @run_id and checks it is a run this command can
 * resume. Prints why not, and returns %NULL, otherwise. */
static PvRunState *
load_run (const char  *run_id,
          char       **journal)
{
  g_autofree char *path = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(GError) error = NULL;

  if (!pv_run_store_is_run_id (run_id))
    {
      fail_unknown_run (run_id);
      return NULL;
    }
  path = pv_run_store_dup_journal_path (NULL, run_id);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      fail_unknown_run (run_id);
      return NULL;
    }

  state = pv_run_state_load (path, NULL, &error);
  if (state == NULL)
    {
      fail (error->message);
      return NULL;
    }
  if (g_strcmp0 (pv_run_state_get_flow (state), FLOW) != 0)
    {
      /* Translators: %s is a run id. */
      g_autofree char *message = g_strdup_printf (_("The run “%s” is not a run of Enable users for a "
                                                    "pool; provisio-cli enable cannot resume it."),
                                                  run_id);
      fail (message);
      return NULL;
    }
  if (pv_run_state_get_plan (state) == NULL)
    {
      /* Translators: %s is a run id. */
      g_autofree char *message = g_strdup_printf (_("The journal of the run “%s” does not record its "
                                                    "plan (it was written by an earlier version), so "
                                                    "the run cannot be resumed. Start a new run: "
                                                    "people already enabled are reported as already "
                                                    "done."), run_id);
      fail (message);
      return NULL;
    }
  if (pv_run_state_get_ended (state) && !pv_run_state_get_cancelled (state))
    {
      /* Translators: %s is a run id. */
      g_autofree char *message = g_strdup_printf (_("The run “%s” finished: there is nothing left to "
                                                    "resume."), run_id);
      fail (message);
      return NULL;
    }

  *journal = g_steal_pointer (&path);
  return g_steal_pointer (&state);
}

/* --- A new run. --- */

static int
make_steps (PvServiceClient  *client,
            const char       *pool_name,
            PvSipFormat       format,
            const char       *domain,
            gboolean          all,
            const char       *users_file,
            gboolean          skip_problems,
            gboolean          dry_run,
            guint            *n_unmatched,
            PvEnableSteps   **steps,
            GHashTable      **names)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_auto(PvCliWaiter) waiter = { loop, NULL };
  g_autoptr(GListStore) directory = g_list_store_new (PV_TYPE_USER);
  g_autoptr(GListStore) pools = g_list_store_new (PV_TYPE_POOL);
  g_autoptr(GListStore) domains = g_list_store_new (PV_TYPE_SIP_DOMAIN);
  g_autoptr(GListStore) selection = g_list_store_new (PV_TYPE_USER);
  g_autoptr(PvEnablePlan) plan = pv_enable_plan_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  /* What the plan chooses from. */
  pv_service_client_list_users_async (client, directory, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_users_finish (client, pv_cli_wait (&waiter), NULL, &error))
    goto service_failed;
  pv_service_client_list_pools_async (client, pools, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_pools_finish (client, pv_cli_wait (&waiter), &error))
    goto service_failed;
  pv_service_client_list_sip_domains_async (client, domains, NULL, pv_cli_store_result_cb, &waiter);
  if (!pv_service_client_list_sip_domains_finish (client, pv_cli_wait (&waiter), &error))
    goto service_failed;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pools)); i++)
    {
      g_autoptr(PvPool) pool = g_list_model_get_item (G_LIST_MODEL (pools), i);

      if (g_ascii_strcasecmp (pv_pool_get_fqdn (pool), pool_name) == 0)
        pv_enable_plan_set_pool (plan, pool);
    }
  if (pv_enable_plan_get_pool (plan) == NULL)
    {
      /* Translators: %s is the pool the user asked for. */
      g_autofree char *message = g_strdup_printf (_("The deployment has no pool “%s”."), pool_name);
      fail (message);
      return EXIT_UNUSABLE;
    }

  if (all)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (directory)); i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (directory), i);

          if (pv_user_get_sip_address (user) == NULL)
            g_list_store_append (selection, user);
        }
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (users_file);
      g_autoptr(PvUserList) list = pv_user_list_load (file, NULL, &error);
      g_autoptr(GPtrArray) unmatched = NULL;
      g_autoptr(GListModel) matched = NULL;

      if (list == NULL)
        {
          fail (error->message);
          return EXIT_UNUSABLE;
        }
      matched = pv_user_list_match (list, G_LIST_MODEL (directory), &unmatched);
      /* Rows that match nobody are reported, and make the run not clean. */
      for (guint i = 0; unmatched != NULL && i < unmatched->len; i++)
        fail (g_ptr_array_index (unmatched, i));
      *n_unmatched = unmatched != NULL ? unmatched->len : 0;
      for (guint i = 0; i < g_list_model_get_n_items (matched); i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (matched, i);
          g_list_store_append (selection, user);
        }
    }

  pv_enable_plan_set_sip_domains (plan, G_LIST_MODEL (domains));
  pv_enable_plan_set_format (plan, format);
  if (domain != NULL)
    pv_enable_plan_set_domain (plan, domain);
  pv_enable_plan_set_skip_problems (plan, skip_problems);
  pv_enable_plan_set_dry_run (plan, dry_run);
  pv_enable_plan_set_selection (plan, G_LIST_MODEL (selection));

  if (!pv_enable_plan_is_complete (plan, &reason))
    {
      fail (reason);
      return EXIT_UNUSABLE;
    }

  *steps = pv_enable_steps_new (client, plan);
  /* For the history, which shows people by name. */
  *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (selection)); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (pv_user_get_display_name (user) != NULL)
        g_hash_table_insert (*names, g_strdup (pv_user_get_id (user)), g_strdup (pv_user_get_display_name (user)));
    }
  return EXIT_OK;

service_failed:
  fail (error->message);
  return EXIT_UNUSABLE;
}

static void
print_summary (PvRunner *runner,
               gboolean  dry_run,
               guint    *n_not_ok)
{
  PvRunResults *results = pv_runner_get_run_results (runner);
  guint n_done = pv_run_results_get_count (results, PV_RESULT_STATUS_DONE);
  guint n_already = pv_run_results_get_count (results, PV_RESULT_STATUS_ALREADY_DONE);
  /* A dry run gives those it would enable the address they would get;
   * those it would refuse or skip have none. */
  guint n_would = dry_run ? pv_run_results_get_n_proposed (results) : 0;
  guint n_skipped = pv_run_results_get_count (results, PV_RESULT_STATUS_SKIPPED) - n_would;
  /* Whatever is neither done nor skipped has not gone well. */
  guint n_other = g_list_model_get_n_items (G_LIST_MODEL (results)) - n_done - n_already - n_would - n_skipped;

  if (dry_run)
    /* Translators: the summary of a dry run; each %u counts people. */
    g_printerr (_("Dry run, nothing was changed. Would be enabled: %u. Already enabled: %u. Would "
                  "be skipped or refused: %u. Failed: %u.\n"),
                n_would, n_done + n_already, n_skipped, n_other);
  else
    /* Translators: the summary of a run; each %u counts people. */
    g_printerr (_("Enabled or already enabled: %u. Skipped: %u. Failed: %u.\n"),
                n_done + n_already, n_skipped, n_other);

  *n_not_ok = n_skipped + n_other;
}

int
pv_cli_enable (int    argc,
               char **argv)
{
  g_autofree char *service = NULL;
  g_autofree char *pool_name = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *domain = NULL;
  g_autofree char *users_file = NULL;
  g_autofree char *export_file = NULL;
  g_autofree char *resume = NULL;
  gboolean all = FALSE;
  gboolean skip_problems = FALSE;
  gboolean dry_run = FALSE;
  int concurrency = 8;
  const GOptionEntry entries[] = {
    { "service", 's', 0, G_OPTION_ARG_STRING, &service,
      N_("The service to talk to (default: the sandbox tenant)"), N_("URL") },
    { "pool", 'p', 0, G_OPTION_ARG_STRING, &pool_name,
      N_("The Standard Edition server or Enterprise pool that will host the users"), N_("FQDN") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("How SIP addresses are made: email (default), upn, firstlast or sam"), N_("FORMAT") },
    { "domain", 'd', 0, G_OPTION_ARG_STRING, &domain,
      N_("The SIP domain, for firstlast and sam (default: the deployment’s default)"), N_("DOMAIN") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("Enable everyone in the directory who is not enabled yet"), NULL },
    { "users", 'u', 0, G_OPTION_ARG_FILENAME, &users_file,
      N_("Enable the people listed in a CSV file (the columns of the sip command)"), N_("FILE") },
    { "skip-problems", 0, 0, G_OPTION_ARG_NONE, &skip_problems,
      N_("Skip the people who have no usable SIP address instead of stopping"), NULL },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check every person against the service and say what a run would do, changing nothing"),
      NULL },
    { "resume", 'r', 0, G_OPTION_ARG_STRING, &resume,
      N_("Continue the run RUN-ID, stopped or interrupted, with the plan it started with"),
      N_("RUN-ID") },
    { "export", 'o', 0, G_OPTION_ARG_FILENAME, &export_file,
      N_("Write the results to FILE (.xml, .ps1 or .csv)"), N_("FILE") },
    { "concurrency", 'c', 0, G_OPTION_ARG_INT, &concurrency,
      N_("How many people are enabled at once (1 to 64, default 8)"), N_("N") },
    { NULL }
  };
  static const char * const paragraphs[] = {
    N_("Each run has an id, printed when it starts, and a journal in "
       "$XDG_STATE_HOME/provisio/runs. A run that was interrupted (Ctrl+C) or killed continues "
       "with --resume RUN-ID and the same --service: the people it finished are not touched "
       "again, and those it may have reached (after a kill, everyone unfinished) are checked "
       "against the service before anything is sent again. The plan comes from the journal, so --pool, --format, --domain, --all, "
       "--users, --skip-problems and --dry-run are not given again."),
    N_("Progress goes to standard error: on a terminal, a bar with the count, the share done and "
       "the time left, with the people skipped or failed listed above it; otherwise one line a "
       "person. A summary ends the run."),
    N_("Exit status: 0 when everyone ended enabled or already enabled (for --dry-run: when "
       "everyone would be enabled or is already enabled), 1 when someone was skipped or failed "
       "or a row of the list matched nobody, 2 when the input cannot be used, 130 when the run "
       "was interrupted with Ctrl+C and can be resumed."),
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PvSandboxServer) sandbox = NULL;
  g_autoptr(PvServiceClient) client = NULL;
  g_autoptr(PvEnableSteps) steps = NULL;
  g_autoptr(PvRunState) state = NULL;
  g_autoptr(PvRunner) runner = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_auto(GStrv) items = NULL;
  g_autofree char *journal = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_auto(PvCliWaiter) waiter = { loop, NULL };
  PvSipFormat format = PV_SIP_FORMAT_EMAIL;
  PvExportFormat export_format = PV_EXPORT_FORMAT_XML;
  Progress progress = { 0 };
  guint n_unmatched = 0;
  guint n_not_ok = 0;
  gboolean cancelled = FALSE;
  gboolean ok;
  int status;

  for (gsize i = 0; i < G_N_ELEMENTS (paragraphs); i++)
    g_string_append_printf (description, "%s%s", i > 0 ? "\n\n" : "", _(paragraphs[i]));

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, _("Enable users for a pool: give each a SIP address and a "
                                           "Registrar pool, as Enable-CsUser does."));
  g_option_context_set_description (context, description->str);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fail (error->message);
      return EXIT_UNUSABLE;
    }

  if (resume != NULL)
    {
      if (pool_name != NULL || format_name != NULL || domain != NULL || all || users_file != NULL ||
          skip_problems || dry_run)
        {
          fail (_("--resume continues a run with the plan it started with: leave out --pool, "
                  "--format, --domain, --all, --users, --skip-problems and --dry-run."));
          return EXIT_UNUSABLE;
        }
    }
  else if (pool_name == NULL || (all == (users_file != NULL)))
    {
      fail (_("Give --pool, and either --all or --users FILE (or --resume RUN-ID)."));
      return EXIT_UNUSABLE;
    }
  if (format_name != NULL)
    {
      format = parse_format (format_name, &ok);
      if (!ok)
        {
          fail (_("The format must be email, upn, firstlast or sam."));
          return EXIT_UNUSABLE;
        }
    }
  if (concurrency < 1 || concurrency > 64)
    {
      fail (_("The concurrency must be between 1 and 64."));
      return EXIT_UNUSABLE;
    }
  if (export_file != NULL)
    {
      export_format = format_for_path (export_file, &ok);
      if (!ok)
        {
          fail (_("The export file must end in .xml, .ps1 or .csv."));
          return EXIT_UNUSABLE;
        }
    }

  if (resume != NULL)
    {
      JsonObject *plan;
      const char *recorded;
      JsonNode *local;

      state = load_run (resume, &journal);
      if (state == NULL)
        return EXIT_UNUSABLE;

      /* The sandbox tenant this command starts listens on a new port each
       * time, and is started again; any other service is where the run's
       * people are, and must be given again rather than guessed (another
       * tenant would hold other people, or the same ones in another
       * state). */
      plan = json_node_get_object (pv_run_state_get_plan (state));
      recorded = pv_json_object_get_string (plan, "service");
      local = json_object_get_member (plan, "localSandbox");
      if (service == NULL && recorded != NULL &&
          !(local != NULL && JSON_NODE_HOLDS_VALUE (local) &&
            json_node_get_value_type (local) == G_TYPE_BOOLEAN && json_node_get_boolean (local)))
        {
          /* Translators: both %s are the same service URL. */
          g_autofree char *message = g_strdup_printf (_("This run was made against %s: add "
                                                        "--service %s to resume it."),
                                                      recorded, recorded);
          fail (message);
          return EXIT_UNUSABLE;
        }
    }

  client = pv_cli_connect (service, &sandbox, &error);
  if (client == NULL)
    {
      fail (error->message);
      return EXIT_UNUSABLE;
    }

  if (state != NULL)
    {
      steps = pv_enable_steps_new_from_plan (client, pv_run_state_get_plan (state), &error);
      if (steps == NULL)
        {
          fail (error->message);
          return EXIT_UNUSABLE;
        }
      dry_run = pv_enable_steps_get_dry_run (steps);
    }
  else
    {
      status = make_steps (client, pool_name, format, domain, all, users_file, skip_problems,
                           dry_run, &n_unmatched, &steps, &names);
      if (status != EXIT_OK)
        return status;
      pv_enable_steps_set_local_sandbox (steps, sandbox != NULL);
    }

  items = pv_enable_steps_dup_items (steps);
  /* A new run gets its id and journal in the user's runs folder. */
  runner = pv_runner_new (PV_RUN_STEPS (steps), (const char *const *) items, FLOW, journal, state);
  pv_runner_set_concurrency (runner, (guint) concurrency);
  if (pv_runner_get_info (runner) == NULL)
    {
      g_autoptr(PvRunInfo) info = pv_run_info_new (PV_FLOW_ENABLE_USERS);

      pv_run_info_set_pool (info, pv_enable_steps_get_pool (steps));
      pv_run_info_set_sip_format (info, pv_enable_steps_get_format (steps));
      pv_run_info_set_sip_domain (info, pv_enable_steps_get_domain (steps));
      pv_run_info_set_service (info, pv_service_client_get_base_url (client));
      pv_runner_set_info (runner, info);
    }
  if (names != NULL)
    {
      GHashTableIter iter;
      gpointer id, name;

      g_hash_table_iter_init (&iter, names);
      while (g_hash_table_iter_next (&iter, &id, &name))
        pv_run_results_set_name (pv_runner_get_run_results (runner), id, name);
    }

  progress.runner = runner;
  progress.cancellable = cancellable;
  progress.run_id = pv_runner_get_run_id (runner);
  progress.tty = isatty (STDERR_FILENO);
  progress.dry_run = dry_run;
  g_signal_connect (runner, "item-finished", G_CALLBACK (item_finished_cb), &progress);

  if (state == NULL)
    /* Translators: both %s are the same run id. */
    g_printerr (_("Run %s. If it stops, resume it with: provisio-cli enable --resume %s\n"),
                progress.run_id, progress.run_id);
  else
    /* Translators: %s is a run id. */
    g_printerr (_("Resuming the run %s.\n"), progress.run_id);
  if (dry_run)
    g_printerr ("%s\n", _("Dry run: the service is only read, nothing is changed."));

  progress.sigint_id = g_unix_signal_add (SIGINT, interrupted_cb, &progress);
  progress.started_us = g_get_monotonic_time ();
  /* The runner reports the people the earlier part of the run finished
   * as it starts. */
  progress.earlier = TRUE;
  pv_runner_run_async (runner, cancellable, pv_cli_store_result_cb, &waiter);
  progress.earlier = FALSE;
  if (state != NULL)
    g_printerr (g_dngettext (GETTEXT_PACKAGE,
                             "%u of %u person finished in the earlier part of the run.\n",
                             "%u of %u people finished in the earlier part of the run.\n",
                             pv_runner_get_n_items (runner)),
                progress.n_earlier, pv_runner_get_n_items (runner));
  if (progress.tty)
    draw_bar (&progress, TRUE);

  ok = pv_runner_run_finish (runner, pv_cli_wait (&waiter), &error);
  if (progress.sigint_id != 0)
    g_source_remove (progress.sigint_id);
  if (!ok)
    {
      cancelled = g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
      if (!cancelled)
        {
          clear_bar (&progress);
          fail (error->message);
          return EXIT_PROBLEMS;
        }
    }
  if (progress.tty)
    {
      draw_bar (&progress, TRUE);
      g_printerr ("\n");
    }

  print_summary (runner, dry_run, &n_not_ok);
  if (cancelled)
    {
      guint n_left = pv_runner_get_n_items (runner) - pv_runner_get_n_finished (runner);

      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "The run was interrupted with %u person not finished. Resume it "
                               "with: provisio-cli enable --resume %s\n",
                               "The run was interrupted with %u people not finished. Resume it "
                               "with: provisio-cli enable --resume %s\n", n_left),
                  n_left, progress.run_id);
    }

  if (export_file != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (export_file);

      if (!pv_export_to_file (export_format, PV_EXPORT_FLAGS_NONE, pv_runner_get_info (runner),
                              pv_runner_get_results (runner),
                              file, NULL, &error))
        {
          fail (error->message);
          return EXIT_PROBLEMS;
        }
    }

  if (cancelled)
    return EXIT_INTERRUPTED;
  status = n_not_ok + n_unmatched > 0 ? EXIT_PROBLEMS : EXIT_OK;
  return status;
}
