/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-application.h"
#include "pv-move-flow.h"
#include "pv-move-page.h"
#include "pv-operator.h"
#include "pv-organization.h"
#include "pv-phone-number.h"
#include "pv-service-calls.h"
#include "pv-service-error.h"
#include "pv-tenant-operator.h"
#include "pv-voice-calls.h"
#include "pv-voice-readiness.h"

/* The state the pages of a guided move share: who has a number of the
 * kind being moved, the tenant's operators and numbers to choose the
 * destination from, and the choices made. Pages bind to it and never to
 * each other; the run's steps live in the service layer
 * (pv-move-steps.c). */

struct _PvMoveFlow
{
  GObject          parent_instance;

  PvMoveKind       kind;
  PvServiceClient *client;
  GCancellable    *cancellable;
  gboolean         loading;
  char            *load_error;
  char            *tenant_id;

  GListStore      *directory;        /* PvUser */
  GListStore      *numbers;          /* PvPhoneNumber */
  GListStore      *tenant_operators; /* PvTenantOperator */
  GListStore      *catalogue;        /* PvOperator */
  GListStore      *candidates;       /* PvUser with a number of the kind */
  GListStore      *operators;        /* PvOperator, active for the tenant */
  GHashTable      *current;          /* user id → E.164 number */
  GHashTable      *selected;         /* user id set */

  char            *operator_id;
  char            *country;
  gboolean         use_operator_numbers;
  gboolean         acknowledged;
  gboolean         port_confirmed;

  PvMoveSteps     *steps;
  GDateTime       *started;
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
  g_clear_object (&self->directory);
  g_clear_object (&self->numbers);
  g_clear_object (&self->tenant_operators);
  g_clear_object (&self->catalogue);
  g_clear_object (&self->candidates);
  g_clear_object (&self->operators);
  g_clear_pointer (&self->current, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->country, g_free);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->started, g_date_time_unref);

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
   * What was loaded or chosen changed; pages check whether they are
   * complete again.
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
  self->candidates = g_list_store_new (PV_TYPE_USER);
  self->operators = g_list_store_new (PV_TYPE_OPERATOR);
  self->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PvMoveFlow *
pv_move_flow_new (PvMoveKind kind)
{
  PvMoveFlow *self = g_object_new (PV_TYPE_MOVE_FLOW, NULL);

  self->kind = kind;

  return self;
}

PvMoveKind
pv_move_flow_get_kind (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), PV_MOVE_KIND_DIRECT_ROUTING);

  return self->kind;
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

const char *
pv_move_flow_get_tenant_id (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->tenant_id;
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

static char *
e164_of_line_uri (const char *line_uri)
{
  const char *start = line_uri;

  if (g_str_has_prefix (start, "tel:"))
    start += strlen ("tel:");
  return g_strndup (start, strcspn (start, ";"));
}

/* Who has a number of the kind being moved: for Direct Routing, an
 * on-premises line URI (OnPremLineURI) or a Direct Routing number of
 * the tenant assigned online; for Calling Plan, a Calling Plan number. */
static void
compute_candidates (PvMoveFlow *self)
{
  g_autoptr(GHashTable) online = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  PvNumberType type = self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? PV_NUMBER_TYPE_DIRECT_ROUTING
                                                                : PV_NUMBER_TYPE_CALLING_PLAN;
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->numbers)); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->numbers), i);
      const char *user = pv_phone_number_get_assigned_user_id (number);

      if (pv_phone_number_get_number_type (number) == type &&
          pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED && user != NULL)
        g_hash_table_insert (online, (gpointer) user,
                             g_strdup (pv_phone_number_get_telephone_number (number)));
    }

  g_hash_table_remove_all (self->current);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->directory)); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (self->directory), i);
      const char *id = pv_user_get_id (user);
      const char *on_prem = pv_user_get_on_prem_line_uri (user);
      char *number = NULL;

      if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING && on_prem != NULL)
        number = e164_of_line_uri (on_prem);
      else if (g_hash_table_contains (online, id))
        number = g_strdup (g_hash_table_lookup (online, id));

      if (number == NULL)
        continue;
      g_hash_table_insert (self->current, g_strdup (id), number);
      g_ptr_array_add (candidates, g_object_ref (user));
    }
  g_list_store_splice (self->candidates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->candidates)),
                       candidates->pdata, candidates->len);

  g_list_store_remove_all (self->operators);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tenant_operators)); i++)
    {
      g_autoptr(PvTenantOperator) enabled = g_list_model_get_item (G_LIST_MODEL (self->tenant_operators), i);
      g_autoptr(PvOperator) operator_ = NULL;

      if (pv_tenant_operator_get_status (enabled) != PV_OPERATOR_STATUS_ACTIVE)
        continue;
      operator_ = pv_operator_find (G_LIST_MODEL (self->catalogue), pv_tenant_operator_get_operator_id (enabled));
      if (operator_ != NULL)
        g_list_store_append (self->operators, operator_);
    }
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

  compute_candidates (self);
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

/* --- The people. --- */

/**
 * pv_move_flow_get_candidates:
 *
 * Returns: (transfer none): the people (#PvUser) with a number of the
 *   kind being moved
 */
GListModel *
pv_move_flow_get_candidates (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

const char *
pv_move_flow_get_current_number (PvMoveFlow *self,
                                 const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return g_hash_table_lookup (self->current, user_id);
}

static PvUser *
find_candidate (PvMoveFlow *self,
                const char *user_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->candidates)); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);

      if (g_strcmp0 (pv_user_get_id (user), user_id) == 0)
        return g_steal_pointer (&user);
    }

  return NULL;
}

gboolean
pv_move_flow_get_on_premises (PvMoveFlow *self,
                              const char *user_id)
{
  g_autoptr(PvUser) user = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  user = find_candidate (self, user_id);
  return user != NULL && self->kind == PV_MOVE_KIND_DIRECT_ROUTING &&
         pv_user_get_on_prem_line_uri (user) != NULL;
}

/**
 * pv_move_flow_dup_problem:
 *
 * Returns: (transfer full) (nullable): why @user cannot be moved, with
 *   what to do, or %NULL
 */
char *
pv_move_flow_dup_problem (PvMoveFlow *self,
                          PvUser     *user)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  /* Every move ends with an Operator Connect number. */
  return pv_voice_readiness_dup_summary (user, PV_NUMBER_TYPE_OPERATOR_CONNECT);
}

gboolean
pv_move_flow_get_selected (PvMoveFlow *self,
                           const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return g_hash_table_contains (self->selected, user_id);
}

void
pv_move_flow_set_selected (PvMoveFlow *self,
                           const char *user_id,
                           gboolean    selected)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));
  g_return_if_fail (user_id != NULL);

  if (selected == g_hash_table_contains (self->selected, user_id))
    return;
  if (selected)
    g_hash_table_add (self->selected, g_strdup (user_id));
  else
    g_hash_table_remove (self->selected, user_id);
  changed (self);
}

guint
pv_move_flow_get_n_selected (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), 0);

  return g_hash_table_size (self->selected);
}

/**
 * pv_move_flow_dup_selection:
 *
 * Returns: (transfer container) (element-type PvUser): the people chosen,
 *   in the order of the list
 */
GPtrArray *
pv_move_flow_dup_selection (PvMoveFlow *self)
{
  GPtrArray *selection = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), selection);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->candidates)); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (G_LIST_MODEL (self->candidates), i);

      if (g_hash_table_contains (self->selected, pv_user_get_id (user)))
        g_ptr_array_add (selection, g_steal_pointer (&user));
    }

  return selection;
}

/* --- The operator, the country and the numbers. --- */

/**
 * pv_move_flow_get_operators:
 *
 * Returns: (transfer none): the operators (#PvOperator) active for the
 *   tenant
 */
GListModel *
pv_move_flow_get_operators (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return G_LIST_MODEL (self->operators);
}

const char *
pv_move_flow_get_operator_id (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->operator_id;
}

const char *
pv_move_flow_get_operator_name (PvMoveFlow *self)
{
  g_autoptr(PvOperator) operator_ = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  operator_ = self->operator_id != NULL ? pv_operator_find (G_LIST_MODEL (self->catalogue), self->operator_id) : NULL;
  /* The catalogue holds the operator, and so its name, for the flow's
   * life. */
  return operator_ != NULL ? pv_operator_get_name (operator_) : self->operator_id;
}

void
pv_move_flow_set_operator_id (PvMoveFlow *self,
                              const char *operator_id)
{
  g_auto(GStrv) countries = NULL;

  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  if (g_strcmp0 (self->operator_id, operator_id) == 0)
    return;
  g_free (self->operator_id);
  self->operator_id = g_strdup (operator_id);

  /* The country must be one the operator serves the tenant in. */
  countries = pv_move_flow_dup_countries (self);
  if (self->country == NULL || !g_strv_contains ((const char * const *) countries, self->country))
    {
      g_free (self->country);
      self->country = g_strdup (countries != NULL ? countries[0] : NULL);
    }
  changed (self);
}

/**
 * pv_move_flow_dup_countries:
 *
 * Returns: (transfer full): the countries the chosen operator serves the
 *   tenant in
 */
GStrv
pv_move_flow_dup_countries (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->tenant_operators)); i++)
    {
      g_autoptr(PvTenantOperator) enabled = g_list_model_get_item (G_LIST_MODEL (self->tenant_operators), i);

      if (g_strcmp0 (pv_tenant_operator_get_operator_id (enabled), self->operator_id) == 0)
        return g_strdupv ((char **) pv_tenant_operator_get_countries (enabled));
    }

  return g_new0 (char *, 1);
}

const char *
pv_move_flow_get_country (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  return self->country;
}

void
pv_move_flow_set_country (PvMoveFlow *self,
                          const char *country)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;
  g_free (self->country);
  self->country = g_strdup (country);
  changed (self);
}

gboolean
pv_move_flow_get_use_operator_numbers (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->use_operator_numbers;
}

/* Whether each person gets one of the operator's numbers already in the
 * tenant, rather than keeping theirs once the operator has moved it. */
void
pv_move_flow_set_use_operator_numbers (PvMoveFlow *self,
                                       gboolean    use)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  use = !!use;
  if (self->use_operator_numbers == use)
    return;
  self->use_operator_numbers = use;
  changed (self);
}

/* The operator's free numbers in the chosen country, in order. */
static GPtrArray *
free_operator_numbers (PvMoveFlow *self)
{
  GPtrArray *free_numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->numbers)); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->numbers), i);

      if (pv_phone_number_get_number_type (number) == PV_NUMBER_TYPE_OPERATOR_CONNECT &&
          pv_phone_number_get_status (number) == PV_NUMBER_STATUS_UNASSIGNED &&
          g_strcmp0 (pv_phone_number_get_operator_id (number), self->operator_id) == 0 &&
          g_strcmp0 (pv_phone_number_get_country_code (number), self->country) == 0)
        g_ptr_array_add (free_numbers, g_strdup (pv_phone_number_get_telephone_number (number)));
    }

  return free_numbers;
}

guint
pv_move_flow_get_n_operator_numbers (PvMoveFlow *self)
{
  g_autoptr(GPtrArray) free_numbers = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), 0);

  free_numbers = free_operator_numbers (self);
  return free_numbers->len;
}

/**
 * pv_move_flow_dup_target_number:
 *
 * Returns: (transfer full) (nullable): the Operator Connect number the
 *   chosen person will get: their own, or the operator's next free
 *   number in the country; %NULL when the operator has none left for them
 */
char *
pv_move_flow_dup_target_number (PvMoveFlow *self,
                                const char *user_id)
{
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GPtrArray) free_numbers = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (!self->use_operator_numbers)
    return g_strdup (g_hash_table_lookup (self->current, user_id));

  selection = pv_move_flow_dup_selection (self);
  free_numbers = free_operator_numbers (self);
  for (guint i = 0; i < selection->len && i < free_numbers->len; i++)
    if (g_strcmp0 (pv_user_get_id (g_ptr_array_index (selection, i)), user_id) == 0)
      return g_strdup (g_ptr_array_index (free_numbers, i));

  return NULL;
}

gboolean
pv_move_flow_get_acknowledged (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->acknowledged;
}

void
pv_move_flow_set_acknowledged (PvMoveFlow *self,
                               gboolean    acknowledged)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  acknowledged = !!acknowledged;
  if (self->acknowledged == acknowledged)
    return;
  self->acknowledged = acknowledged;
  changed (self);
}

gboolean
pv_move_flow_get_port_confirmed (PvMoveFlow *self)
{
  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  return self->port_confirmed;
}

void
pv_move_flow_set_port_confirmed (PvMoveFlow *self,
                                 gboolean    confirmed)
{
  g_return_if_fail (PV_IS_MOVE_FLOW (self));

  confirmed = !!confirmed;
  if (self->port_confirmed == confirmed)
    return;
  self->port_confirmed = confirmed;
  if (self->steps != NULL)
    pv_move_steps_set_port_confirmed (self->steps, confirmed);
  changed (self);
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
  PvOperationResult *last;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), FALSE);

  last = self->steps != NULL ? pv_move_steps_get_step_result (self->steps, user_id, PV_MOVE_N_STEPS - 1) : NULL;
  return last != NULL && (pv_operation_result_get_status (last) == PV_RESULT_STATUS_DONE ||
                          pv_operation_result_get_status (last) == PV_RESULT_STATUS_ALREADY_DONE);
}

/**
 * pv_move_flow_new_runner:
 * @only_unfinished: run again only the people not moved yet; their
 *   steps that took effect are found done and not sent again
 *
 * Returns: (transfer full) (nullable): a run with a journal of its own
 *   in the user's state directory, or %NULL without a service
 */
PvRunner *
pv_move_flow_new_runner (PvMoveFlow *self,
                         gboolean    only_unfinished)
{
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_autoptr(PvRunInfo) info = NULL;
  PvRunner *runner;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), NULL);

  if (self->client == NULL || self->operator_id == NULL)
    return NULL;

  selection = pv_move_flow_dup_selection (self);
  if (self->steps == NULL)
    {
      self->started = g_date_time_new_now_utc ();
      self->steps = pv_move_steps_new (self->client, self->kind, self->operator_id,
                                       pv_move_flow_get_operator_name (self));
      pv_move_steps_set_tenant_id (self->steps, self->tenant_id);
      pv_move_steps_set_port_confirmed (self->steps, self->port_confirmed);
      for (guint i = 0; i < selection->len; i++)
        {
          PvUser *user = g_ptr_array_index (selection, i);
          const char *id = pv_user_get_id (user);
          g_autofree char *target = pv_move_flow_dup_target_number (self, id);

          /* Nobody is moved towards no number: without one of the
           * operator's numbers left, the person keeps theirs, and the
           * acquisition step says the operator must provide it. */
          if (target == NULL)
            target = g_strdup (g_hash_table_lookup (self->current, id));
          pv_move_steps_add_person (self->steps, id, g_hash_table_lookup (self->current, id), target);
        }
    }

  for (guint i = 0; i < selection->len; i++)
    {
      const char *id = pv_user_get_id (g_ptr_array_index (selection, i));

      if (!only_unfinished || !pv_move_flow_is_moved (self, id))
        g_strv_builder_add (builder, id);
    }
  items = g_strv_builder_end (builder);

  /* A new run in the user's runs folder, with its facts and the
   * people's names for the history. */
  runner = pv_runner_new (PV_RUN_STEPS (self->steps), (const char * const *) items,
                          self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? "move-direct-routing" : "move-calling-plan",
                          NULL, NULL);
  info = pv_move_flow_dup_run_info (self);
  pv_runner_set_info (runner, info);
  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);

      pv_run_results_set_name (pv_runner_get_run_results (runner), pv_user_get_id (user),
                               pv_user_get_display_name (user));
    }
  return runner;
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
  pv_run_info_set_tenant (info, self->tenant_id);
  if (self->client != NULL)
    pv_run_info_set_service (info, pv_service_client_get_base_url (self->client));
  if (self->operator_id != NULL)
    pv_run_info_set_operator (info, self->operator_id, pv_move_flow_get_operator_name (self));
  if (self->country != NULL)
    {
      const char * const countries[] = { self->country, NULL };

      pv_run_info_set_countries (info, countries);
    }

  return info;
}

static const char *
person_label (PvUser *user)
{
  const char *upn = pv_user_get_user_principal_name (user);

  return upn != NULL ? upn : pv_user_get_id (user);
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
  g_autoptr(GPtrArray) selection = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), G_LIST_MODEL (store));

  selection = pv_move_flow_dup_selection (self);
  for (guint i = 0; self->steps != NULL && i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      const char *id = pv_user_get_id (user);
      g_autoptr(PvOperationResult) result =
        pv_move_steps_dup_person_result (self->steps, id, pv_move_flow_get_on_premises (self, id));

      if (result == NULL)
        continue;
      pv_operation_result_set_item (result, person_label (user));
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
  g_autoptr(GPtrArray) selection = NULL;

  g_return_val_if_fail (PV_IS_MOVE_FLOW (self), G_LIST_MODEL (store));

  selection = pv_move_flow_dup_selection (self);
  for (guint i = 0; self->steps != NULL && i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);

      for (guint step = 0; step < PV_MOVE_N_STEPS; step++)
        {
          PvOperationResult *result = pv_move_steps_get_step_result (self->steps, pv_user_get_id (user), step);
          g_autoptr(PvOperationResult) row = NULL;
          g_autofree char *message = NULL;

          if (result == NULL)
            continue;
          row = pv_operation_result_new ();
          pv_operation_result_set_item (row, person_label (user));
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
  return pv_move_page_new (PV_MOVE_FLOW (state), PV_MOVE_PAGE_PEOPLE);
}

static PvPage *
create_operator_page (GObject *state)
{
  return pv_move_page_new (PV_MOVE_FLOW (state), PV_MOVE_PAGE_OPERATOR);
}

static PvPage *
create_warning_page (GObject *state)
{
  return pv_move_page_new (PV_MOVE_FLOW (state), PV_MOVE_PAGE_WARNING);
}

static PvPage *
create_review_page (GObject *state)
{
  return pv_move_page_new (PV_MOVE_FLOW (state), PV_MOVE_PAGE_REVIEW);
}

static PvPage *
create_run_page (GObject *state)
{
  return pv_move_page_new (PV_MOVE_FLOW (state), PV_MOVE_PAGE_RUN);
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
};

const PvFlowInfo pv_move_calling_plan_flow_info = {
  .id = "move-calling-plan",
  .title = N_("Move numbers from Calling Plan to Operator Connect"),
  .description = N_("Once the operator has ported the numbers, unassign the Calling Plan numbers and assign the operator’s."),
  .icon_name = "call-start-symbolic",
  .create_state = create_calling_plan_state,
  .pages = move_pages,
};
