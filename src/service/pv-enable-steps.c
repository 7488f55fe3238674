/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "pv-enable-entry.h"
#include "pv-enable-steps.h"
#include "pv-json.h"
#include "pv-run-journal.h"
#include "pv-service-error.h"

/* "Enable users for a pool" as run steps: one step a person, the
 * Enable-CsUser of the extension API with the very address the preview
 * showed. Sending the explicit address (rather than a format to apply
 * again on the server) makes the request idempotent by design: the
 * service answers "already done" to a repeat, so a lost answer can be
 * resent safely. */

typedef struct
{
  char          *address;
  char          *before;
  char          *problem;   /* NULL when the person has an address */
} Target;

static void
target_free (Target *target)
{
  g_free (target->address);
  g_free (target->before);
  g_free (target->problem);
  g_free (target);
}

struct _PvEnableSteps
{
  GObject          parent_instance;

  PvServiceClient *client;
  char            *pool;
  PvSipFormat      format;
  char            *domain;
  gboolean         dry_run;
  gboolean         skip_problems;
  gboolean         local_sandbox;
  GPtrArray       *items;     /* user ids, in the selection's order */
  GHashTable      *targets;   /* user id → Target */
};

static void pv_enable_steps_iface_init (PvRunStepsInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PvEnableSteps, pv_enable_steps, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (PV_TYPE_RUN_STEPS, pv_enable_steps_iface_init))

static guint
pv_enable_steps_get_n_steps (PvRunSteps *steps,
                             const char *item)
{
  return 1;
}

static PvOperationResult *
make_result (const char     *item,
             PvResultStatus  status,
             const char     *message,
             Target         *target)
{
  PvOperationResult *result = pv_operation_result_new ();

  pv_operation_result_set_item (result, item);
  pv_operation_result_set_status (result, status);
  pv_operation_result_set_message (result, message);
  if (target != NULL)
    {
      pv_operation_result_set_before (result, target->before);
      if (status == PV_RESULT_STATUS_DONE || status == PV_RESULT_STATUS_ALREADY_DONE)
        pv_operation_result_set_after (result, target->address);
    }

  return result;
}

static const char *
member_string (JsonNode   *node,
               const char *name)
{
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node)
    ? pv_json_object_get_string (json_node_get_object (node), name) : NULL;
}

typedef struct
{
  char   *item;
  Target *target;   /* owned by the steps object */
} StepCall;

static void
step_call_free (StepCall *call)
{
  g_free (call->item);
  g_free (call);
}

static void
enabled_cb (GObject      *object,
            GAsyncResult *async_result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvEnableSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *status;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), async_result, &error);
  if (response == NULL)
    {
      if (pv_run_steps_error_is_undecided (error))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_FAILED, error->message,
                                                  call->target),
                               g_object_unref);
      return;
    }

  status = member_string (pv_service_response_get_body (response), "status");
  if (g_strcmp0 (status, "alreadyDone") == 0)
    {
      /* Translators: %1$s is a SIP address, %2$s a pool. */
      message = g_strdup_printf (_("Already enabled as %1$s on %2$s."), call->target->address, self->pool);
      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_ALREADY_DONE, message, call->target),
                             g_object_unref);
    }
  else if (g_strcmp0 (status, "done") == 0)
    {
      /* Translators: %1$s is a SIP address, %2$s a pool. */
      message = g_strdup_printf (_("Enabled as %1$s on %2$s."), call->target->address, self->pool);
      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_DONE, message, call->target),
                             g_object_unref);
    }
  else
    {
      g_task_return_error (task, pv_run_steps_new_outcome_unknown_error ());
    }
}

static void
send_enable (GTask *task)
{
  PvEnableSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = pv_run_steps_dup_user_path (call->item, "enable");

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "registrarPool");
  json_builder_add_string_value (builder, self->pool);
  json_builder_set_member_name (builder, "sipAddress");
  json_builder_add_string_value (builder, call->target->address);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  pv_service_client_request_async (self->client, SOUP_METHOD_POST, path, body,
                                   PV_REQUEST_FLAGS_IDEMPOTENT, g_task_get_cancellable (task),
                                   enabled_cb, task);
}

static void
verified_cb (GObject      *object,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  GTask *task = user_data;
  PvEnableSteps *self = g_task_get_source_object (task);
  StepCall *call = g_task_get_task_data (task);
  g_autoptr(PvServiceResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *body;

  response = pv_service_client_request_finish (PV_SERVICE_CLIENT (object), async_result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  body = pv_service_response_get_body (response);
  if (self->dry_run &&
      !(g_strcmp0 (member_string (body, "sipAddress"), call->target->address) == 0 &&
        g_strcmp0 (member_string (body, "registrarPool"), self->pool) == 0))
    {
      /* A dry run changes nothing: it says what a real run would do.
       * Someone a real run would enable has the address they would get as
       * "after", which tells them from those a real run would refuse. */
      g_autoptr(PvOperationResult) result = NULL;
      g_autofree char *message = NULL;
      gboolean would_enable = member_string (body, "sipAddress") == NULL;

      if (!would_enable)
        /* Translators: %1$s is a SIP address, %2$s a pool. */
        message = g_strdup_printf (_("Dry run: already enabled as %1$s on %2$s, which a real run would refuse to change."),
                                   member_string (body, "sipAddress"),
                                   member_string (body, "registrarPool") != NULL ? member_string (body, "registrarPool") : "?");
      else
        /* Translators: %1$s is a SIP address, %2$s a pool. */
        message = g_strdup_printf (_("Dry run: would be enabled as %1$s on %2$s."), call->target->address, self->pool);
      result = make_result (call->item, PV_RESULT_STATUS_SKIPPED, message, call->target);
      if (would_enable)
        pv_operation_result_set_after (result, call->target->address);
      g_task_return_pointer (task, g_steal_pointer (&result), g_object_unref);
      g_object_unref (task);
      return;
    }

  if (g_strcmp0 (member_string (body, "sipAddress"), call->target->address) == 0 &&
      g_strcmp0 (member_string (body, "registrarPool"), self->pool) == 0)
    {
      /* Translators: %1$s is a SIP address, %2$s a pool. */
      g_autofree char *message = g_strdup_printf (_("Already enabled as %1$s on %2$s."),
                                                  call->target->address, self->pool);

      g_task_return_pointer (task, make_result (call->item, PV_RESULT_STATUS_ALREADY_DONE, message,
                                                call->target),
                             g_object_unref);
      g_object_unref (task);
      return;
    }

  send_enable (task);
}

static void
pv_enable_steps_apply_step_async (PvRunSteps          *steps,
                                  const char          *item,
                                  guint                step,
                                  gboolean             verify_first,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  PvEnableSteps *self = PV_ENABLE_STEPS (steps);
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Target *target = g_hash_table_lookup (self->targets, item);
  StepCall *call;

  g_task_set_source_tag (task, pv_enable_steps_apply_step_async);
  g_task_set_check_cancellable (task, FALSE);

  if (target == NULL)
    {
      g_task_return_pointer (task, make_result (item, PV_RESULT_STATUS_SKIPPED,
                                                _("This person is not in the plan."), NULL),
                             g_object_unref);
      return;
    }

  /* Someone without a usable address is skipped, with the reason the
   * preview gave; the plan only lets the run start so when asked to. */
  if (target->problem != NULL)
    {
      g_task_return_pointer (task, make_result (item, PV_RESULT_STATUS_SKIPPED, target->problem, target),
                             g_object_unref);
      return;
    }

  call = g_new0 (StepCall, 1);
  call->item = g_strdup (item);
  call->target = target;
  g_task_set_task_data (task, call, (GDestroyNotify) step_call_free);

  /* A dry run only ever reads. */
  if (verify_first || self->dry_run)
    {
      g_autofree char *path = pv_run_steps_dup_user_path (item, "voice");

      pv_service_client_request_async (self->client, SOUP_METHOD_GET, path, NULL, PV_REQUEST_FLAGS_NONE,
                                       cancellable, verified_cb, g_steal_pointer (&task));
      return;
    }

  send_enable (g_steal_pointer (&task));
}

static PvOperationResult *
pv_enable_steps_apply_step_finish (PvRunSteps    *steps,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, steps), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_enable_steps_apply_step_async), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

#define PLAN_VERSION 1

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* The journal keeps each person's address as the preview decided it
 * (overrides included), not the rules that made it: by the time a run is
 * resumed the directory has changed (the people enabled by the first part
 * now hold their addresses), and computing again would not give the same
 * answers. */
static JsonNode *
pv_enable_steps_dup_plan (PvRunSteps *steps)
{
  PvEnableSteps *self = PV_ENABLE_STEPS (steps);
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PLAN_VERSION);
  add_string_member (builder, "service", pv_service_client_get_base_url (self->client));
  json_builder_set_member_name (builder, "localSandbox");
  json_builder_add_boolean_value (builder, self->local_sandbox);
  add_string_member (builder, "pool", self->pool);
  add_string_member (builder, "format", pv_enum_to_nick (PV_TYPE_SIP_FORMAT, self->format));
  add_string_member (builder, "domain", self->domain);
  json_builder_set_member_name (builder, "dryRun");
  json_builder_add_boolean_value (builder, self->dry_run);
  json_builder_set_member_name (builder, "skipProblems");
  json_builder_add_boolean_value (builder, self->skip_problems);
  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->items->len; i++)
    {
      const char *id = g_ptr_array_index (self->items, i);
      Target *target = g_hash_table_lookup (self->targets, id);

      json_builder_begin_object (builder);
      add_string_member (builder, "id", id);
      add_string_member (builder, "address", target->address);
      add_string_member (builder, "before", target->before);
      add_string_member (builder, "problem", target->problem);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
pv_enable_steps_iface_init (PvRunStepsInterface *iface)
{
  iface->get_n_steps = pv_enable_steps_get_n_steps;
  iface->apply_step_async = pv_enable_steps_apply_step_async;
  iface->apply_step_finish = pv_enable_steps_apply_step_finish;
  iface->dup_plan = pv_enable_steps_dup_plan;
}

static void
pv_enable_steps_finalize (GObject *object)
{
  PvEnableSteps *self = PV_ENABLE_STEPS (object);

  g_clear_object (&self->client);
  g_clear_pointer (&self->pool, g_free);
  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->targets, g_hash_table_unref);

  G_OBJECT_CLASS (pv_enable_steps_parent_class)->finalize (object);
}

static void
pv_enable_steps_class_init (PvEnableStepsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_enable_steps_finalize;
}

static void
pv_enable_steps_init (PvEnableSteps *self)
{
  self->items = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) target_free);
}

/**
 * pv_enable_steps_new:
 * @plan: a complete plan; what it says now is what the run does, later
 *   changes to it are not seen
 */
PvEnableSteps *
pv_enable_steps_new (PvServiceClient *client,
                     PvEnablePlan    *plan)
{
  PvEnableSteps *self;
  GListModel *entries;

  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (client), NULL);
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (plan), NULL);
  g_return_val_if_fail (pv_enable_plan_get_pool (plan) != NULL, NULL);

  self = g_object_new (PV_TYPE_ENABLE_STEPS, NULL);
  self->client = g_object_ref (client);
  self->pool = g_strdup (pv_pool_get_fqdn (pv_enable_plan_get_pool (plan)));
  self->format = pv_enable_plan_get_format (plan);
  self->domain = g_strdup (pv_enable_plan_get_domain (plan));
  self->dry_run = pv_enable_plan_get_dry_run (plan);
  self->skip_problems = pv_enable_plan_get_skip_problems (plan);

  entries = pv_enable_plan_get_entries (plan);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (entries, i);
      PvUser *user = pv_enable_entry_get_user (entry);
      const char *id = pv_user_get_id (user);
      Target *target;

      if (id == NULL || g_hash_table_contains (self->targets, id))
        continue;

      target = g_new0 (Target, 1);
      target->address = g_strdup (pv_enable_entry_get_address (entry));
      target->before = g_strdup (pv_user_get_sip_address (user));
      if (pv_enable_entry_get_status (entry) != PV_SIP_STATUS_OK || target->address == NULL)
        target->problem = g_strdup (pv_enable_entry_get_message (entry) != NULL
                                      ? pv_enable_entry_get_message (entry)
                                      : _("This person has no usable SIP address."));
      g_hash_table_insert (self->targets, g_strdup (id), target);
      g_ptr_array_add (self->items, g_strdup (id));
    }

  return self;
}

/**
 * pv_enable_steps_dup_items:
 *
 * Returns: (transfer full): the ids of the people to run, for the runner
 */
GStrv
pv_enable_steps_dup_items (PvEnableSteps *self)
{
  GStrv items;

  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), NULL);

  items = g_new0 (char *, self->items->len + 1);
  for (guint i = 0; i < self->items->len; i++)
    items[i] = g_strdup (g_ptr_array_index (self->items, i));

  return items;
}

/**
 * pv_enable_steps_new_from_plan:
 * @plan: what pv_run_steps_dup_plan() gave for the run, read back from
 *   its journal (pv_run_state_get_plan())
 *
 * The same steps again, to resume a run, with the addresses the run was
 * started with. The journal is a file on disk: everything in it is
 * checked.
 *
 * Returns: (transfer full) (nullable): the steps, or %NULL with
 *   %PV_RUN_JOURNAL_ERROR_CORRUPT
 */
PvEnableSteps *
pv_enable_steps_new_from_plan (PvServiceClient  *client,
                               JsonNode         *plan,
                               GError          **error)
{
  g_autoptr(PvEnableSteps) self = NULL;
  g_autofree char *format = NULL;
  JsonObject *object;
  JsonNode *people;
  int format_value;

  g_return_val_if_fail (PV_IS_SERVICE_CLIENT (client), NULL);

  self = g_object_new (PV_TYPE_ENABLE_STEPS, NULL);
  self->client = g_object_ref (client);

  object = pv_run_steps_get_plan_object (plan, PLAN_VERSION);
  if (object == NULL)
    goto unusable;

  if (!pv_json_object_read_string (object, "pool", TRUE, &self->pool) || self->pool == NULL || *self->pool == '\0' ||
      !pv_json_object_read_string (object, "format", TRUE, &format) || format == NULL ||
      !pv_enum_from_nick (PV_TYPE_SIP_FORMAT, format, &format_value) ||
      !pv_json_object_read_string (object, "domain", TRUE, &self->domain) ||
      !pv_json_object_read_boolean (object, "dryRun", &self->dry_run) ||
      !pv_json_object_read_boolean (object, "skipProblems", &self->skip_problems) ||
      !pv_json_object_read_boolean (object, "localSandbox", &self->local_sandbox))
    goto unusable;
  self->format = (PvSipFormat) format_value;

  people = json_object_get_member (object, "people");
  if (people == NULL || !JSON_NODE_HOLDS_ARRAY (people))
    goto unusable;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (people)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (people), i);
      g_autofree char *id = NULL;
      Target *target;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !pv_json_object_read_string (json_node_get_object (node), "id", TRUE, &id) || id == NULL || *id == '\0' ||
          g_hash_table_contains (self->targets, id))
        goto unusable;

      target = g_new0 (Target, 1);
      g_hash_table_insert (self->targets, g_strdup (id), target);
      g_ptr_array_add (self->items, g_strdup (id));
      if (!pv_json_object_read_string (json_node_get_object (node), "address", TRUE, &target->address) ||
          !pv_json_object_read_string (json_node_get_object (node), "before", TRUE, &target->before) ||
          !pv_json_object_read_string (json_node_get_object (node), "problem", TRUE, &target->problem))
        goto unusable;
      /* Someone with neither an address nor a reason would be sent an
       * empty address. */
      if (target->address == NULL && target->problem == NULL)
        goto unusable;
    }

  return g_steal_pointer (&self);

unusable:
  pv_run_steps_set_unusable_plan_error (error);
  return NULL;
}

const char *
pv_enable_steps_get_pool (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), NULL);
  return self->pool;
}

PvSipFormat
pv_enable_steps_get_format (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), PV_SIP_FORMAT_EMAIL);
  return self->format;
}

const char *
pv_enable_steps_get_domain (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), NULL);
  return self->domain;
}

gboolean
pv_enable_steps_get_dry_run (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), FALSE);
  return self->dry_run;
}

/**
 * pv_enable_steps_set_local_sandbox:
 *
 * Says that the service is the sandbox tenant started by this process on
 * the user's persisted state, whose address changes from one start to
 * the next: a resumed run then starts it again rather than looking for
 * the recorded address.
 */
void
pv_enable_steps_set_local_sandbox (PvEnableSteps *self,
                                   gboolean       local_sandbox)
{
  g_return_if_fail (PV_IS_ENABLE_STEPS (self));
  self->local_sandbox = local_sandbox;
}

gboolean
pv_enable_steps_get_local_sandbox (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), FALSE);
  return self->local_sandbox;
}

/**
 * pv_enable_steps_get_service:
 *
 * Returns: the base URL of the service the steps talk to
 */
const char *
pv_enable_steps_get_service (PvEnableSteps *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_STEPS (self), NULL);
  return pv_service_client_get_base_url (self->client);
}
