/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-move-flow.h"
#include "pv-move-history.h"
#include "pv-move-operator-page.h"
#include "pv-move-people-page.h"
#include "pv-move-review-page.h"
#include "pv-move-run-page.h"
#include "pv-move-warning-page.h"
#include "pv-operator.h"
#include "pv-organization.h"
#include "pv-phone-number.h"
#include "pv-service-calls.h"
#include "pv-service-error.h"
#include "pv-tenant-operator.h"
#include "pv-voice-calls.h"

/* What the pages of a guided move share: the move's plan in core
 * (pv-move-plan.c), filled from the tenant as read from the service,
 * and, once it starts, the run's steps (pv-move-steps.c). Pages bind to
 * it and never to each other. */

struct _PvMoveFlow
{
  GObject          parent_instance;

  PvMoveKind       kind;
  PvServiceClient *client;
  GCancellable    *cancellable;
  gboolean         loading;
  char            *load_error;
  char            *tenant_id;
  PvMovePlan      *plan;

  /* What is being read; handed to the plan once all of it is. */
  GListStore      *directory;        /* PvUser */
  GListStore      *numbers;          /* PvPhoneNumber */
  GListStore      *tenant_operators; /* PvTenantOperator */
  GListStore      *catalogue;        /* PvOperator */

  PvMoveSteps     *steps;
  GDateTime       *started;

  /* Continuing a run of the history: its journal and what it says. */
  PvRunState      *resume;
  char            *journal;
  gboolean         resumed;   /* its runner was made */
};

G_DEFINE_FINAL_TYPE (PvMoveFlow, pv_move_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
changed (PvMoveFlow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pv_move_flow_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PvMoveFlow *self = PV_MOVE_FLOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_move_flow_finalize (GObject *object)
{
  PvMoveFlow *self = PV_MOVE_FLOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->tenant_id, g_free);
  g_clear_object (&self->plan);
  g_clear_object (&self->directory);
  g_clear_object (&self->numbers);
  g_clear_object (&self->tenant_operators);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_object (&self->resume);
  g_clear_pointer (&self->journal, g_free);

  G_OBJECT_CLASS (pv_move_flow_parent_class)->finalize (object);
}

static void
pv_move_flow_class_init (PvMoveFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_move_flow_finalize;
  object_class->get_property = pv_move_flow_get_property;

  /* Whether the tenant is still being read. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvMoveFlow::changed:
   *
   * What was loaded or chosen changed (the plan's own ::changed, or the
   * loading); pages check whether they are complete again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pv_move_flow_init (PvMoveFlow *self)
{
  self->directory = g_list_store_new (PV_TYPE_USER);
  self->numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  self->tenant_operators = g_list_store_new (PV_TYPE_TENANT_OPERATOR);
  self->catalogue = g_list_store_new (PV_TYPE_OPERATOR);
}

static void
plan_changed_cb (PvMoveFlow *self)
{
  /* The port may be confirmed after a run, before running it again. */
  if (self->steps != NULL)
    pv_move_steps_set_port_confirmed (self->steps, pv_move_plan_get_port_confirmed (self->plan));
  changed (self);
}

PvMoveFlow *
pv_move_flow_new (PvMoveKind kind)
{
  PvMoveFlow *self = g_object_new (PV_TYPE_MOVE_FLOW, NULL);

  self->kind = kind;
  self->plan = pv_move_plan_new (kind);
  g_signal_connect_object (self->plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

PvMoveKind
pv_move_flow_get_kind (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), PV_MOVE_KIND_DIRECT_ROUTING);

  return self->kind;
}

/**
 * pv_move_flow_get_plan:
 *
 * Returns: (transfer none): the move's choices, which the pages show and
 *   change
 */
PvMovePlan *
pv_move_flow_get_plan (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->plan;
}

PvServiceClient *
pv_move_flow_get_client (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->client;
}

void
pv_move_flow_set_client (PvMoveFlow      *self,
                         PvServiceClient *client)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  g_set_object (&self->client, client);
}

gboolean
pv_move_flow_get_loading (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->loading;
}

static void
set_loading (PvMoveFlow *self,
             gboolean    loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  changed (self);
}

const char *
pv_move_flow_get_load_error (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->load_error;
}

/* --- Loading: organization, operators, catalogue, numbers, people. --- */

static void
load_failed (PvMoveFlow   *self,
             const GError *error)
{
  if (pv_service_error_is_cancelled (error))
    return;

  g_free (self->load_error);
  /* Translators: %s says why, as a sentence. */
  self->load_error = g_strdup_printf (_("The tenant could not be read. %s"), error->message);
  set_loading (self, FALSE);
}

static void
users_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PvMoveFlow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_voice_users_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_move_plan_set_tenant (self->plan, self->tenant_id, G_LIST_MODEL (self->directory),
                           G_LIST_MODEL (self->numbers), G_LIST_MODEL (self->tenant_operators),
                           G_LIST_MODEL (self->catalogue));
  set_loading (self, FALSE);
}

static void
numbers_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvMoveFlow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_service_client_list_voice_users_async (self->client, NULL, self->directory, self->cancellable,
                                            users_loaded_cb, g_object_ref (self));
}

static void
catalogue_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvMoveFlow) self = user_data;
  g_autoptr(GError) error = NULL;
  PvNumberFilter filter;

  if (!pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_number_filter_init (&filter);
  pv_service_client_list_numbers_async (self->client, &filter, 0, self->numbers, self->cancellable,
                                        numbers_loaded_cb, g_object_ref (self));
}

static void
tenant_operators_loaded_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(PvMoveFlow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_tenant_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      load_failed (self, error);
      return;
    }

  pv_service_client_list_operators_async (self->client, NULL, PV_OPERATOR_SERVICE_NONE, self->catalogue,
                                          self->cancellable, catalogue_loaded_cb, g_object_ref (self));
}

static void
organization_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PvMoveFlow) self = user_data;
  g_autoptr(PvOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  organization = pv_service_client_get_organization_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (organization == NULL)
    {
      load_failed (self, error);
      return;
    }

  g_free (self->tenant_id);
  self->tenant_id = g_strdup (pv_organization_get_id (organization));
  pv_service_client_list_tenant_operators_async (self->client, self->tenant_operators, self->cancellable,
                                                 tenant_operators_loaded_cb, g_object_ref (self));
}

/**
 * pv_move_flow_load:
 *
 * Reads what the move chooses from: the tenant, its operators, its
 * numbers and its people.
 */
void
pv_move_flow_load (PvMoveFlow *self)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_clear_pointer (&self->load_error, g_free);
  g_list_store_remove_all (self->directory);
  g_list_store_remove_all (self->numbers);
  g_list_store_remove_all (self->tenant_operators);
  g_list_store_remove_all (self->catalogue);

  set_loading (self, TRUE);
  pv_service_client_get_organization_async (self->client, self->cancellable,
                                            organization_loaded_cb, g_object_ref (self));
}

/* --- The run. --- */

/**
 * pv_move_flow_get_steps:
 *
 * Returns: (transfer none) (nullable): the steps of the run, once made
 */
PvMoveSteps *
pv_move_flow_get_steps (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->steps;
}

/* Whether the person's last step has taken effect. */
gboolean
pv_move_flow_is_moved (PvMoveFlow *self,
                       const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->steps != NULL && pv_move_steps_get_moved (self->steps, user_id);
}

/* A run of @steps for @items, with a journal of its own in the user's
 * state directory. */
static PvRunner *
new_runner_for (PvMoveFlow         *self,
                PvMoveSteps        *steps,
                const char * const *items)
{
  g_autoptr(PvRunInfo) info = NULL;
  g_autoptr(GHashTable) in_run = NULL;
  GListModel *candidates;
  PvRunner *runner;

  /* A new run in the user's runs folder, with its facts and the
   * people's names for the history. */
  runner = pv_runner_new (PV_RUN_STEPS (steps), items,
                          self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? "move-direct-routing" : "move-calling-plan",
                          NULL, NULL);
  info = pv_move_flow_dup_run_info (self);
  pv_runner_set_info (runner, info);
  candidates = pv_move_plan_get_candidates (self->plan);
  in_run = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; items[i] != NULL; i++)
    g_hash_table_add (in_run, (gpointer) items[i]);
  for (guint i = 0; i < g_list_model_get_n_items (candidates); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (candidates, i);

      if (g_hash_table_contains (in_run, pv_user_get_id (user)))
        pv_run_results_set_name (pv_runner_get_run_results (runner), pv_user_get_id (user),
                                 pv_user_get_display_name (user));
    }
  return runner;
}

/* The run of the history being continued, on its own journal: the same
 * run goes on, so that it ends finished once nobody waits. */
static PvRunner *
resume_runner (PvMoveFlow *self)
{
  g_auto(GStrv) items = pv_move_steps_dup_items (self->steps);
  PvRunner *runner;

  self->resumed = TRUE;
  runner = pv_runner_new (PV_RUN_STEPS (self->steps), (const char * const *) items,
                          pv_run_state_get_flow (self->resume), self->journal, self->resume);
  for (guint i = 0; items[i] != NULL; i++)
    pv_run_results_set_name (pv_runner_get_run_results (runner), items[i],
                             pv_move_steps_get_name (self->steps, items[i]));
  return runner;
}

/**
 * pv_move_flow_get_resuming:
 *
 * Returns: whether the flow continues a run of the history (one that
 *   waits for the operator, or was interrupted)
 */
gboolean
pv_move_flow_get_resuming (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->resume != NULL;
}

/**
 * pv_move_flow_new_runner:
 *
 * The run of the move: a new one, with a journal of its own in the
 * user's state directory, or the run of the history the flow continues
 * (once). Running again those not moved is a new pass of the same run
 * (pv_runner_run_unfinished_async()).
 *
 * Returns: (transfer full) (nullable): the run, or %NULL without a
 *   service
 */
PvRunner *
pv_move_flow_new_runner (PvMoveFlow *self)
{
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (self->resume != NULL)
    return self->steps != NULL && !self->resumed ? resume_runner (self) : NULL;
  if (self->client == NULL || pv_move_plan_get_operator_id (self->plan) == NULL)
    return NULL;

  selection = pv_move_plan_dup_selection (self->plan);
  if (self->steps == NULL)
    {
      self->started = g_date_time_new_now_utc ();
      self->steps = pv_move_steps_new (self->client, self->kind, pv_move_plan_get_operator_id (self->plan),
                                       pv_move_plan_get_operator_name (self->plan));
      pv_move_steps_set_tenant_id (self->steps, pv_move_plan_get_tenant_id (self->plan));
      pv_move_steps_set_port_confirmed (self->steps, pv_move_plan_get_port_confirmed (self->plan));
      for (guint i = 0; i < selection->len; i++)
        {
          const char *id = pv_user_get_id (g_ptr_array_index (selection, i));
          g_autofree char *target = pv_move_plan_dup_run_number (self->plan, id);

          pv_move_steps_add_person (self->steps, id, pv_move_plan_get_current_number (self->plan, id), target);
          pv_move_steps_set_name (self->steps, id, pv_user_get_display_name (g_ptr_array_index (selection, i)));
          pv_move_steps_set_user_principal_name (self->steps, id,
                                                 pv_user_get_user_principal_name (g_ptr_array_index (selection, i)));
          pv_move_steps_set_on_premises (self->steps, id, pv_move_plan_get_on_premises (self->plan, id));
        }
    }

  for (guint i = 0; i < selection->len; i++)
    g_strv_builder_add (builder, pv_user_get_id (g_ptr_array_index (selection, i)));
  items = g_strv_builder_end (builder);

  return new_runner_for (self, self->steps, (const char * const *) items);
}

/* --- Those who wait for the operator. --- */

/**
 * pv_move_flow_dup_items:
 *
 * Returns: (transfer full): the people of the run, by user id, in order
 */
GStrv
pv_move_flow_dup_items (PvMoveFlow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GPtrArray) selection = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (self->resume != NULL)
    return self->steps != NULL ? pv_move_steps_dup_items (self->steps) : g_new0 (char *, 1);

  selection = pv_move_plan_dup_selection (self->plan);
  for (guint i = 0; i < selection->len; i++)
    g_strv_builder_add (builder, pv_user_get_id (g_ptr_array_index (selection, i)));
  return g_strv_builder_end (builder);
}

/**
 * pv_move_flow_get_name:
 *
 * Returns: (nullable): the name of a person of the run
 */
const char *
pv_move_flow_get_name (PvMoveFlow *self,
                       const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (self->steps != NULL)
    return pv_move_steps_get_name (self->steps, user_id);
  return user_id;
}

/**
 * pv_move_flow_dup_waiting_note:
 *
 * Returns: (transfer full) (nullable): who waits for the operator and
 *   at which step, and where the move is found again, as the wizard says
 *   it before closing; %NULL when nobody waits
 */
char *
pv_move_flow_dup_waiting_note (PvMoveFlow *self)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n = 0;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (self->steps == NULL)
    return NULL;

  items = pv_move_flow_dup_items (self);
  for (guint i = 0; items[i] != NULL; i++)
    {
      int step = pv_move_steps_get_waiting_step (self->steps, items[i]);
      g_autofree char *line = NULL;

      if (step < 0)
        continue;
      /* Translators: one line of a list: %1$s is a person's name, %2$u a step's number, %3$s its name. */
      line = g_strdup_printf (_("%1$s: step %2$u, %3$s"), pv_move_steps_get_name (self->steps, items[i]), step + 1,
                              pv_move_step_title (self->kind, step));
      if (lines->len > 0)
        g_string_append_c (lines, '\n');
      g_string_append (lines, line);
      n++;
    }

  if (n == 0)
    return NULL;
  /* Translators: %u is a number of people, %s the list of them, one a line, with the step each waits at. */
  return g_strdup_printf (ngettext ("%u person waits for the operator:\n\n%s\n\nThe move is not finished: it stays on the start page, among the recent runs, where Provisio checks it again each time it starts. Once the operator has done its part, finish it from there: it goes on from the step where each person waits.",
                                    "%u people wait for the operator:\n\n%s\n\nThe move is not finished: it stays on the start page, among the recent runs, where Provisio checks it again each time it starts. Once the operator has done its part, finish it from there: it goes on from the step where each person waits.",
                                    n),
                          n, lines->str);
}

/**
 * pv_move_flow_dup_run_info:
 *
 * Returns: (transfer full): what the exports say about the run: the
 *   move, the tenant and service, when it started, the operator and the
 *   country
 */
PvRunInfo *
pv_move_flow_dup_run_info (PvMoveFlow *self)
{
  PvRunInfo *info;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  info = pv_run_info_new (self->kind == PV_MOVE_KIND_CALLING_PLAN ? PV_FLOW_MOVE_CALLING_PLAN
                                                                  : PV_FLOW_MOVE_DIRECT_ROUTING);
  if (self->started != NULL)
    pv_run_info_set_started (info, self->started);
  pv_run_info_set_tenant (info, pv_move_plan_get_tenant_id (self->plan));
  if (self->client != NULL)
    pv_run_info_set_service (info, pv_service_client_get_base_url (self->client));
  if (pv_move_plan_get_operator_id (self->plan) != NULL)
    pv_run_info_set_operator (info, pv_move_plan_get_operator_id (self->plan),
                              pv_move_plan_get_operator_name (self->plan));
  if (pv_move_plan_get_country (self->plan) != NULL)
    {
      const char * const countries[] = { pv_move_plan_get_country (self->plan), NULL };

      pv_run_info_set_countries (info, countries);
    }

  return info;
}

/* How the exports name each person: their userPrincipalName, from the
 * tenant, or from the plan for a run continued from the history. */
static GHashTable *
dup_labels (PvMoveFlow *self)
{
  GHashTable *labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (self->plan);

  for (guint i = 0; self->resume == NULL && i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      const char *upn = pv_user_get_user_principal_name (user);

      g_hash_table_insert (labels, g_strdup (pv_user_get_id (user)),
                           g_strdup (upn != NULL ? upn : pv_user_get_id (user)));
    }
  return labels;
}

static const char *
person_label (PvMoveFlow *self,
              GHashTable *labels,
              const char *id)
{
  const char *label = g_hash_table_lookup (labels, id);

  if (label == NULL && self->steps != NULL)
    label = pv_move_steps_get_user_principal_name (self->steps, id);
  return label != NULL ? label : id;
}

/**
 * pv_move_flow_dup_results:
 *
 * Returns: (transfer full): a model of #PvOperationResult, one for each
 *   person of the run with their steps inside, named by their
 *   userPrincipalName; for the XML and PowerShell exports
 */
GListModel *
pv_move_flow_dup_results (PvMoveFlow *self)
{
  GListStore *store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(GHashTable) labels = NULL;
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), G_LIST_MODEL (store));

  if (self->steps == NULL)
    return G_LIST_MODEL (store);
  labels = dup_labels (self);
  items = pv_move_flow_dup_items (self);
  for (guint i = 0; items[i] != NULL; i++)
    {
      g_autoptr(PvOperationResult) result =
        pv_move_steps_dup_person_result (self->steps, items[i], pv_move_steps_get_on_premises (self->steps, items[i]));

      if (result == NULL)
        continue;
      pv_operation_result_set_item (result, person_label (self, labels, items[i]));
      g_list_store_append (store, result);
    }

  return G_LIST_MODEL (store);
}

/**
 * pv_move_flow_dup_step_results:
 *
 * Returns: (transfer full): a model of #PvOperationResult, one for each
 *   step that ran of each person, its message led by the step's number
 *   and name; for the CSV export, which a spreadsheet sorts and filters
 */
GListModel *
pv_move_flow_dup_step_results (PvMoveFlow *self)
{
  GListStore *store = g_list_store_new (PV_TYPE_OPERATION_RESULT);
  g_autoptr(GHashTable) labels = NULL;
  g_auto(GStrv) items = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), G_LIST_MODEL (store));

  if (self->steps == NULL)
    return G_LIST_MODEL (store);
  labels = dup_labels (self);
  items = pv_move_flow_dup_items (self);
  for (guint i = 0; items[i] != NULL; i++)
    {
      for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
        {
          PvOperationResult *result = pv_move_steps_get_step_result (self->steps, items[i], step);
          g_autoptr(PvOperationResult) row = NULL;
          g_autofree char *message = NULL;

          if (result == NULL)
            continue;
          row = pv_operation_result_new ();
          pv_operation_result_set_item (row, person_label (self, labels, items[i]));
          pv_operation_result_set_status (row, pv_operation_result_get_status (result));
          /* Translators: %u is a step's number, %s its name, then what happened. */
          message = g_strdup_printf (_("Step %u, %s: %s"), step + 1, pv_move_step_title (self->kind, step),
                                     pv_operation_result_get_message (result));
          pv_operation_result_set_message (row, message);
          pv_operation_result_set_before (row, pv_operation_result_get_before (result));
          pv_operation_result_set_after (row, pv_operation_result_get_after (result));
          g_list_store_append (store, row);
        }
    }

  return G_LIST_MODEL (store);
}

/* --- The flow table's entries. --- */

static void
client_ready (GObject         *object,
              PvApplication   *application,
              PvServiceClient *client,
              const GError    *error)
{
  PvMoveFlow *self = PV_MOVE_FLOW (object);

  if (client == NULL)
    {
      load_failed (self, error);
      return;
    }

  pv_move_flow_set_client (self, client);
  if (self->resume != NULL)
    {
      g_autoptr(GError) local = NULL;

      /* A continued run needs only its plan, from its journal: the
       * people and numbers it was started with. */
      self->steps = pv_move_steps_new_from_plan (client, pv_run_state_get_plan (self->resume), &local);
      if (self->steps == NULL)
        {
          g_free (self->load_error);
          self->load_error = g_strdup (local->message);
        }
      else
        pv_move_steps_restore (self->steps, self->resume);
      set_loading (self, FALSE);
      return;
    }
  pv_move_flow_load (self);
}

static GObject *
create_state (PvMoveKind kind)
{
  PvMoveFlow *self = pv_move_flow_new (kind);

  if (pv_application_load_client_for (G_OBJECT (self), client_ready))
    set_loading (self, TRUE);

  return G_OBJECT (self);
}

static GObject *
create_resume_state (PvMoveKind  kind,
                     const char *journal_path,
                     PvRunState *run)
{
  PvMoveFlow *self = pv_move_flow_new (kind);

  self->resume = g_object_ref (run);
  self->journal = g_strdup (journal_path);
  if (pv_application_load_client_for (G_OBJECT (self), client_ready))
    set_loading (self, TRUE);

  return G_OBJECT (self);
}

static GObject *
create_direct_routing_resume_state (const char *journal_path,
                                    PvRunState *run)
{
  return create_resume_state (PV_MOVE_KIND_DIRECT_ROUTING, journal_path, run);
}

static GObject *
create_calling_plan_resume_state (const char *journal_path,
                                  PvRunState *run)
{
  return create_resume_state (PV_MOVE_KIND_CALLING_PLAN, journal_path, run);
}

static GObject *
create_direct_routing_state (void)
{
  return create_state (PV_MOVE_KIND_DIRECT_ROUTING);
}

static GObject *
create_calling_plan_state (void)
{
  return create_state (PV_MOVE_KIND_CALLING_PLAN);
}

static PvPage *
create_people_page (GObject *state)
{
  /* A continued run was decided before: its wizard is the run. */
  if (pv_move_flow_get_resuming (PV_MOVE_FLOW (state)))
    return NULL;
  return pv_move_people_page_new (PV_MOVE_FLOW (state));
}

static PvPage *
create_operator_page (GObject *state)
{
  /* A continued run was decided before: its wizard is the run. */
  if (pv_move_flow_get_resuming (PV_MOVE_FLOW (state)))
    return NULL;
  return pv_move_operator_page_new (PV_MOVE_FLOW (state));
}

static PvPage *
create_warning_page (GObject *state)
{
  /* A continued run was decided before: its wizard is the run. */
  if (pv_move_flow_get_resuming (PV_MOVE_FLOW (state)))
    return NULL;
  return pv_move_warning_page_new (PV_MOVE_FLOW (state));
}

static PvPage *
create_review_page (GObject *state)
{
  /* A continued run was decided before: its wizard is the run. */
  if (pv_move_flow_get_resuming (PV_MOVE_FLOW (state)))
    return NULL;
  return pv_move_review_page_new (PV_MOVE_FLOW (state));
}

static PvPage *
create_run_page (GObject *state)
{
  return pv_move_run_page_new (PV_MOVE_FLOW (state));
}

static const PvPageFactory move_pages[] = {
  create_people_page,
  create_operator_page,
  create_warning_page,
  create_review_page,
  create_run_page,
  NULL
};

const PvFlowInfo pv_move_direct_routing_flow_info = {
  .id = "move-direct-routing",
  .title = N_("Move numbers from Direct Routing to Operator Connect"),
  .description = N_("Remove each number, remove the online voice routing policy, get the number from the operator and assign it."),
  .icon_name = "call-start-symbolic",
  .create_state = create_direct_routing_state,
  .pages = move_pages,
  .create_resume_state = create_direct_routing_resume_state,
  .continues_waiting = TRUE,
  .dup_waiting = pv_move_history_dup_waiting,
  .check_waiting_async = pv_move_history_check_async,
  .check_waiting_finish = pv_move_history_check_finish,
};

const PvFlowInfo pv_move_calling_plan_flow_info = {
  .id = "move-calling-plan",
  .title = N_("Move numbers from Calling Plan to Operator Connect"),
  .description = N_("Once the operator has ported the numbers, unassign the Calling Plan numbers and assign the operator’s."),
  .icon_name = "call-start-symbolic",
  .create_state = create_calling_plan_state,
  .pages = move_pages,
  .create_resume_state = create_calling_plan_resume_state,
  .continues_waiting = TRUE,
  .dup_waiting = pv_move_history_dup_waiting,
  .check_waiting_async = pv_move_history_check_async,
  .check_waiting_finish = pv_move_history_check_finish,
};
