/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-export-buttons.h"
#include "pv-operation-result.h"
#include "pv-operator-catalogue-page.h"
#include "pv-operator-contact-page.h"
#include "pv-operator-countries-page.h"
#include "pv-operator-flow.h"
#include "pv-operator-notice-page.h"
#include "pv-operator-result-page.h"
#include "pv-operator-review-page.h"
#include "pv-run-info.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"

/* The state the pages of "Connect an operator" share: the plan that
 * decides (in core, with the operators the tenant already has and every
 * text the flow shows of it), what it chooses from (the operator
 * catalogue), who the signed-in administrator and the tenant are, and
 * the outcome of "Add as my operator". Pages bind to it and never to
 * each other; everything that talks to the service is here, so that the
 * pages stay thin. */

struct _PvOperatorFlow
{
  GObject             parent_instance;

  PvOperatorPlan     *plan;
  GListStore         *catalogue;
  char               *tenant_id;
  char               *organization_name;
  PvServiceClient    *client;
  GCancellable       *cancellable;
  guint               n_loading;
  char               *load_error;

  PvOperatorAddState  add_state;
  PvOperator         *add_operator;
  char               *add_message;
  GListStore         *results;
  GCancellable       *add_cancellable;
};

G_DEFINE_FINAL_TYPE (PvOperatorFlow, pv_operator_flow, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LOADING,
  PROP_LOAD_ERROR,
  PROP_ADD_STATE,
  PROP_TENANT_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TENANT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- The object. --- */

static void
pv_operator_flow_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PvOperatorFlow *self = PV_OPERATOR_FLOW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, pv_operator_flow_get_loading (self));
      break;
    case PROP_LOAD_ERROR:
      g_value_set_string (value, self->load_error);
      break;
    case PROP_ADD_STATE:
      g_value_set_int (value, self->add_state);
      break;
    case PROP_TENANT_ID:
      g_value_set_string (value, self->tenant_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_operator_flow_finalize (GObject *object)
{
  PvOperatorFlow *self = PV_OPERATOR_FLOW (object);

  g_clear_object (&self->plan);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->tenant_id, g_free);
  g_clear_pointer (&self->organization_name, g_free);
  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->add_message, g_free);
  g_clear_object (&self->add_operator);
  g_clear_object (&self->results);
  g_clear_object (&self->add_cancellable);

  G_OBJECT_CLASS (pv_operator_flow_parent_class)->finalize (object);
}

static void
pv_operator_flow_class_init (PvOperatorFlowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pv_operator_flow_finalize;
  object_class->get_property = pv_operator_flow_get_property;

  /* Whether the catalogue, the tenant's operators, the organization or
   * the administrator are still on their way. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A translated sentence when the service could not be reached or read. */
  properties[PROP_LOAD_ERROR] =
    g_param_spec_string ("load-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A #PvOperatorAddState. */
  properties[PROP_ADD_STATE] =
    g_param_spec_int ("add-state", NULL, NULL,
                      PV_OPERATOR_ADD_STATE_NONE, PV_OPERATOR_ADD_STATE_FAILED,
                      PV_OPERATOR_ADD_STATE_NONE,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TENANT_ID] =
    g_param_spec_string ("tenant-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvOperatorFlow::tenant-changed:
   *
   * The operators the tenant already has changed.
   */
  signals[TENANT_CHANGED] =
    g_signal_new ("tenant-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pv_operator_flow_init (PvOperatorFlow *self)
{
  self->plan = pv_operator_plan_new ();
  self->catalogue = g_list_store_new (PV_TYPE_OPERATOR);
  self->results = g_list_store_new (PV_TYPE_OPERATION_RESULT);
}

PvOperatorFlow *
pv_operator_flow_new (void)
{
  return g_object_new (PV_TYPE_OPERATOR_FLOW, NULL);
}

PvOperatorPlan *
pv_operator_flow_get_plan (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->plan;
}

/**
 * pv_operator_flow_get_catalogue:
 *
 * Returns: (transfer none): every operator (#PvOperator) the service offers
 */
GListStore *
pv_operator_flow_get_catalogue (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->catalogue;
}

gboolean
pv_operator_flow_get_tenant_status (PvOperatorFlow   *self,
                                    const char       *operator_id,
                                    PvOperatorStatus *status)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), FALSE);

  return pv_operator_plan_get_tenant_status (self->plan, operator_id, status);
}

/* An operator the tenant has can no longer be chosen, unless it is the
 * one this wizard has just added. */
static void
tenant_changed (PvOperatorFlow *self)
{
  PvOperator *chosen = pv_operator_plan_get_operator (self->plan);

  if (chosen != NULL && self->add_state != PV_OPERATOR_ADD_STATE_DONE &&
      pv_operator_plan_get_tenant_status (self->plan, pv_operator_get_id (chosen), NULL))
    pv_operator_plan_set_operator (self->plan, NULL);

  g_signal_emit (self, signals[TENANT_CHANGED], 0);
}

void
pv_operator_flow_set_tenant_status (PvOperatorFlow   *self,
                                    const char       *operator_id,
                                    gboolean          has_operator,
                                    PvOperatorStatus  status)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));
  g_return_if_fail (operator_id != NULL);

  pv_operator_plan_set_tenant_status (self->plan, operator_id, has_operator, status);
  tenant_changed (self);
}

char *
pv_operator_flow_dup_unavailable_reason (PvOperatorFlow *self,
                                         PvOperator     *operator_)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return pv_operator_plan_dup_unavailable_reason (self->plan, operator_);
}

const char *
pv_operator_flow_get_tenant_id (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->tenant_id;
}

const char *
pv_operator_flow_get_organization_name (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->organization_name;
}

void
pv_operator_flow_set_organization (PvOperatorFlow *self,
                                   const char     *tenant_id,
                                   const char     *display_name)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));

  g_free (self->organization_name);
  self->organization_name = g_strdup (display_name);
  if (g_strcmp0 (self->tenant_id, tenant_id) == 0)
    return;
  g_free (self->tenant_id);
  self->tenant_id = g_strdup (tenant_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TENANT_ID]);
}

/* The signed-in administrator is the contact the operator gets unless
 * the user types someone else. */
void
pv_operator_flow_set_admin (PvOperatorFlow *self,
                            const char     *full_name,
                            const char     *email)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));

  pv_operator_plan_prefill_contact (self->plan, full_name, email);
}

gboolean
pv_operator_flow_get_loading (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), FALSE);

  return self->n_loading > 0;
}

const char *
pv_operator_flow_get_load_error (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->load_error;
}

/**
 * pv_operator_flow_get_client:
 *
 * Returns: (transfer none) (nullable): the service the flow talks to
 */
PvServiceClient *
pv_operator_flow_get_client (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->client;
}

void
pv_operator_flow_set_client (PvOperatorFlow  *self,
                             PvServiceClient *client)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));
  g_return_if_fail (!client || PV_IS_SERVICE_CLIENT (client));

  g_set_object (&self->client, client);
}

PvOperatorAddState
pv_operator_flow_get_add_state (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), PV_OPERATOR_ADD_STATE_NONE);

  return self->add_state;
}

/**
 * pv_operator_flow_get_add_operator:
 *
 * Returns: (transfer none) (nullable): the operator the last "Add as my
 *   operator" was about, even once the plan has let go of it
 */
PvOperator *
pv_operator_flow_get_add_operator (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->add_operator;
}

/**
 * pv_operator_flow_get_add_message:
 *
 * Returns: (nullable): what "Add as my operator" came to, a translated
 *   sentence, once it has finished
 */
const char *
pv_operator_flow_get_add_message (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return self->add_message;
}

/**
 * pv_operator_flow_get_results:
 *
 * Returns: (transfer none): the outcome of the last "Add as my operator"
 *   (#PvOperationResult, one item once it has finished)
 */
GListModel *
pv_operator_flow_get_results (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return G_LIST_MODEL (self->results);
}

/* --- Loading. --- */

static void
loading_started (PvOperatorFlow *self)
{
  if (self->n_loading++ == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
loading_finished (PvOperatorFlow *self)
{
  g_return_if_fail (self->n_loading > 0);

  if (--self->n_loading == 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Takes @text, a translated sentence. */
static void
load_failed (PvOperatorFlow *self,
             char           *text)
{
  /* The first failure says the most; later ones are usually the same. */
  if (self->load_error != NULL)
    {
      g_free (text);
      return;
    }

  self->load_error = text;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
}

static void
operators_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvOperatorFlow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error) &&
      !pv_service_error_is_cancelled (error))
    /* Translators: %s says why, as a sentence. */
    load_failed (self, g_strdup_printf (_("The operator catalogue could not be loaded. %s"), error->message));
  loading_finished (self);
}

static void
tenant_operators_loaded_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data)
{
  g_autoptr(PvOperatorFlow) self = user_data;
  g_autoptr(GListStore) operators = g_object_steal_data (G_OBJECT (self), "pv-loading-tenant-operators");
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_tenant_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (!pv_service_error_is_cancelled (error))
        /* Translators: %s says why, as a sentence. */
        load_failed (self, g_strdup_printf (_("Your operators could not be loaded. %s"), error->message));
    }
  else
    {
      pv_operator_plan_set_tenant_operators (self->plan, G_LIST_MODEL (operators));
      tenant_changed (self);
    }
  loading_finished (self);
}

static void
load_tenant_operators (PvOperatorFlow *self)
{
  GListStore *operators = g_list_store_new (PV_TYPE_TENANT_OPERATOR);

  g_object_set_data_full (G_OBJECT (self), "pv-loading-tenant-operators", operators, g_object_unref);
  loading_started (self);
  pv_service_client_list_tenant_operators_async (self->client, operators, self->cancellable,
                                                 tenant_operators_loaded_cb, g_object_ref (self));
}

static void
organization_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PvOperatorFlow) self = user_data;
  g_autoptr(PvOrganization) organization = NULL;
  g_autoptr(GError) error = NULL;

  organization = pv_service_client_get_organization_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (organization != NULL)
    pv_operator_flow_set_organization (self, pv_organization_get_id (organization),
                                       pv_organization_get_display_name (organization));
  else if (!pv_service_error_is_cancelled (error))
    /* Translators: %s says why, as a sentence. */
    load_failed (self, g_strdup_printf (_("The tenant’s organization could not be read. %s"), error->message));
  loading_finished (self);
}

static void
me_loaded_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PvOperatorFlow) self = user_data;
  g_autoptr(PvUser) me = NULL;
  g_autoptr(GError) error = NULL;

  me = pv_service_client_get_me_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (me != NULL)
    {
      const char *mail = pv_user_get_mail (me);

      pv_operator_flow_set_admin (self, pv_user_get_display_name (me),
                                  mail != NULL && *mail != '\0' ? mail
                                                                 : pv_user_get_user_principal_name (me));
    }
  /* The contact can be typed by hand: not knowing who is signed in
   * leaves the fields empty rather than stopping the wizard. */
  else if (!pv_service_error_is_cancelled (error))
    g_debug ("The signed-in administrator could not be read: %s", error->message);
  loading_finished (self);
}

/**
 * pv_operator_flow_load:
 *
 * Fills the catalogue, the tenant's operators, the tenant ID and the
 * signed-in administrator's details from the flow's service, all at once.
 */
void
pv_operator_flow_load (PvOperatorFlow *self)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));
  g_return_if_fail (self->client != NULL);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->load_error != NULL)
    {
      g_clear_pointer (&self->load_error, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_ERROR]);
    }

  g_list_store_remove_all (self->catalogue);
  loading_started (self);
  pv_service_client_list_operators_async (self->client, NULL, PV_OPERATOR_SERVICE_NONE,
                                          self->catalogue, self->cancellable,
                                          operators_loaded_cb, g_object_ref (self));
  load_tenant_operators (self);
  loading_started (self);
  pv_service_client_get_organization_async (self->client, self->cancellable,
                                            organization_loaded_cb, g_object_ref (self));
  loading_started (self);
  pv_service_client_get_me_async (self->client, self->cancellable, me_loaded_cb, g_object_ref (self));
}

/* --- Add as my operator. --- */

static void
set_add_state (PvOperatorFlow     *self,
               PvOperatorAddState  state)
{
  if (self->add_state == state)
    return;

  self->add_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADD_STATE]);
}

/* The outcome of "Add as my operator", the only one the flow keeps;
 * takes @message, a translated sentence. */
static void
set_outcome (PvOperatorFlow  *self,
             PvResultStatus   status,
             char            *message)
{
  g_autoptr(PvOperationResult) outcome = pv_operation_result_new ();
  PvOperator *operator_ = self->add_operator;

  g_free (self->add_message);
  self->add_message = message;
  pv_operation_result_set_item (outcome, operator_ != NULL ? pv_operator_get_id (operator_) : NULL);
  pv_operation_result_set_status (outcome, status);
  pv_operation_result_set_message (outcome, message);
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       (gpointer *) &outcome, 1);
}

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PvOperatorFlow) self = user_data;
  g_autoptr(PvTenantOperator) added = NULL;
  g_autoptr(GError) error = NULL;
  PvOperator *operator_ = self->add_operator;

  added = pv_service_client_add_operator_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (added != NULL)
    {
      set_outcome (self, PV_RESULT_STATUS_DONE,
                   pv_operator_plan_dup_added_message (self->plan, operator_ != NULL
                                                                   ? pv_operator_get_name (operator_)
                                                                   : NULL));
      /* Done before the tenant changes, so that the plan keeps it. */
      set_add_state (self, PV_OPERATOR_ADD_STATE_DONE);
      pv_operator_flow_set_tenant_status (self, pv_tenant_operator_get_operator_id (added), TRUE,
                                          pv_tenant_operator_get_status (added));
      return;
    }

  /* The service's refusal already says what is wrong and what to do. */
  set_outcome (self, PV_RESULT_STATUS_FAILED, g_strdup (error->message));
  set_add_state (self, PV_OPERATOR_ADD_STATE_FAILED);

  /* Someone else may have added the operator meanwhile: the catalogue
   * should say so when the user goes back to it. */
  if (g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CONFLICT) && self->client != NULL)
    load_tenant_operators (self);
}

/**
 * pv_operator_flow_add:
 *
 * Adds the plan's operator to the tenant ("Add as my operator"); the
 * outcome comes through #PvOperatorFlow:add-state. Nothing is sent
 * unless the plan is complete.
 */
void
pv_operator_flow_add (PvOperatorFlow *self)
{
  g_autofree char *reason = NULL;

  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));

  if (self->add_state == PV_OPERATOR_ADD_STATE_RUNNING)
    return;

  g_set_object (&self->add_operator, pv_operator_plan_get_operator (self->plan));

  if (self->client == NULL || !pv_operator_plan_is_complete (self->plan, &reason))
    {
      set_outcome (self, PV_RESULT_STATUS_SKIPPED,
                   self->client == NULL
                   ? g_strdup (_("No service to talk to: the operator cannot be added."))
                   : g_steal_pointer (&reason));
      set_add_state (self, PV_OPERATOR_ADD_STATE_FAILED);
      return;
    }

  g_clear_pointer (&self->add_message, g_free);
  g_clear_object (&self->add_cancellable);
  self->add_cancellable = g_cancellable_new ();
  set_add_state (self, PV_OPERATOR_ADD_STATE_RUNNING);
  pv_service_client_add_operator_plan_async (self->client, self->plan, self->add_cancellable,
                                             added_cb, g_object_ref (self));
}

/**
 * pv_operator_flow_cancel:
 *
 * Stops what is in flight when the wizard goes away.
 */
void
pv_operator_flow_cancel (PvOperatorFlow *self)
{
  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->add_cancellable);
}

/* --- What the operator gets. --- */

/**
 * pv_operator_flow_dup_operator_note:
 *
 * Returns: (transfer full): the plan's plain text summary for the
 *   operator last added (or chosen), with the tenant's ID and name
 */
char *
pv_operator_flow_dup_operator_note (PvOperatorFlow *self)
{
  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (self), NULL);

  return pv_operator_plan_dup_operator_note (self->plan, self->add_operator, self->tenant_id,
                                             self->organization_name);
}

static void
text_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* A snapshot, so that the writer thread reads details nobody edits. */
static PvContactDetails *
copy_contact (PvContactDetails *contact)
{
  PvContactDetails *copy = pv_contact_details_new ();

  pv_contact_details_set_full_name (copy, pv_contact_details_get_full_name (contact));
  pv_contact_details_set_email (copy, pv_contact_details_get_email (contact));
  pv_contact_details_set_company_size (copy, pv_contact_details_get_company_size (contact));
  pv_contact_details_set_phone (copy, pv_contact_details_get_phone (contact));
  return copy;
}

/**
 * pv_operator_flow_export_async:
 *
 * Writes the outcome to @file, off the main loop: the XML results
 * document, or the summary for the operator.
 */
void
pv_operator_flow_export_async (PvOperatorFlow      *self,
                               PvOperatorExport     format,
                               GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (PV_IS_OPERATOR_FLOW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_operator_flow_export_async);

  if (format == PV_OPERATOR_EXPORT_XML)
    {
      g_autoptr(PvRunInfo) info = pv_run_info_new_for_operator_plan (self->plan);
      g_autoptr(PvContactDetails) contact = copy_contact (pv_operator_plan_get_contact (self->plan));
      g_autoptr(GListStore) results = g_list_store_new (PV_TYPE_OPERATION_RESULT);

      if (g_list_model_get_n_items (G_LIST_MODEL (self->results)) == 0)
        {
          g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                                   _("There is no outcome to export yet."));
          return;
        }

      pv_run_info_set_contact (info, contact);
      if (self->add_operator != NULL)
        pv_run_info_set_operator (info, pv_operator_get_id (self->add_operator),
                                  pv_operator_get_name (self->add_operator));
      pv_run_info_set_tenant (info, self->tenant_id);
      if (self->client != NULL)
        pv_run_info_set_service (info, pv_service_client_get_base_url (self->client));
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->results)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->results), i);
          g_list_store_append (results, item);
        }
      pv_export_to_file_async (PV_EXPORT_FORMAT_XML, PV_EXPORT_FLAGS_NONE, info,
                               G_LIST_MODEL (results), file, cancellable,
                               pv_export_written_cb, g_steal_pointer (&task));
    }
  else
    {
      char *note = pv_operator_flow_dup_operator_note (self);
      g_autoptr(GBytes) bytes = g_bytes_new_take (note, strlen (note));

      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                                           text_written_cb, g_steal_pointer (&task));
    }
}

gboolean
pv_operator_flow_export_finish (PvOperatorFlow  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_operator_flow_export_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- The flow's entry. --- */

static void
client_ready (GObject         *object,
              PvApplication   *application,
              PvServiceClient *client,
              const GError    *error)
{
  PvOperatorFlow *self = PV_OPERATOR_FLOW (object);

  loading_finished (self);
  if (client == NULL)
    {
      if (!pv_service_error_is_cancelled (error))
        /* Translators: %s says why, as a sentence. */
        load_failed (self, g_strdup_printf (_("The service could not be reached. %s"), error->message));
      return;
    }

  pv_operator_flow_set_client (self, client);
  pv_operator_flow_load (self);
}

static GObject *
create_state (void)
{
  PvOperatorFlow *self = pv_operator_flow_new ();

  if (pv_application_load_client_for (G_OBJECT (self), client_ready))
    loading_started (self);

  return G_OBJECT (self);
}

static PvPage *
create_catalogue_page (GObject *state)
{
  return pv_operator_catalogue_page_new (PV_OPERATOR_FLOW (state));
}

static PvPage *
create_countries_page (GObject *state)
{
  return pv_operator_countries_page_new (PV_OPERATOR_FLOW (state));
}

static PvPage *
create_contact_page (GObject *state)
{
  return pv_operator_contact_page_new (PV_OPERATOR_FLOW (state));
}

static PvPage *
create_notice_page (GObject *state)
{
  return pv_operator_notice_page_new (PV_OPERATOR_FLOW (state));
}

static PvPage *
create_review_page (GObject *state)
{
  return pv_operator_review_page_new (PV_OPERATOR_FLOW (state));
}

static PvPage *
create_result_page (GObject *state)
{
  return pv_operator_result_page_new (PV_OPERATOR_FLOW (state));
}

/* In the order of the Teams admin center's "Enable an operator". */
static const PvPageFactory operator_pages[] = {
  create_catalogue_page,
  create_countries_page,
  create_contact_page,
  create_notice_page,
  create_review_page,
  create_result_page,
  NULL
};

const PvFlowInfo pv_operator_flow_info = {
  .id = "connect-operator",
  .title = N_("Connect an operator"),
  .description = N_("Choose an Operator Connect operator and the countries it serves for you, "
                    "share your contact details, and add it as your operator."),
  .icon_name = "call-start-symbolic",
  .create_state = create_state,
  .pages = operator_pages,
};
