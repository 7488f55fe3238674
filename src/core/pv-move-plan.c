/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pv-iso-codes.h"
#include "pv-move-plan.h"
#include "pv-operator.h"
#include "pv-phone-number.h"
#include "pv-tenant-operator.h"
#include "pv-voice-readiness.h"

/* What a guided move to Operator Connect is made of, before it runs: who
 * has a number of the kind being moved, who of them is chosen, the
 * operator and country the numbers go to, where each person's new
 * number comes from, and the administrator's acknowledgements. The
 * wizard's pages show it and change it; the run is built from it.
 *
 * The plan keeps its own copies of what the tenant was read as, so that
 * reading the tenant again never shows half a tenant to the pages. */

struct _PvMovePlan
{
  GObject     parent_instance;

  PvMoveKind  kind;
  char       *tenant_id;

  GListStore *candidates;        /* PvUser with a number of the kind */
  GListStore *operators;         /* PvOperator, active for the tenant */
  GListStore *catalogue;         /* PvOperator */
  GPtrArray  *tenant_operators;  /* PvTenantOperator */
  GPtrArray  *free_numbers;      /* PvPhoneNumber, Operator Connect, unassigned */
  GHashTable *current;           /* user id → E.164 number */
  GHashTable *on_premises;       /* user id set: numbers assigned on-premises */
  GHashTable *country_of;        /* user id → the country of their online number */
  GHashTable *selected;          /* user id set */

  char       *operator_id;
  char       *country;
  gboolean    use_operator_numbers;
  gboolean    acknowledged;
  gboolean    port_confirmed;
};

G_DEFINE_FINAL_TYPE (PvMovePlan, pv_move_plan, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
changed (PvMovePlan *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pv_move_plan_finalize (GObject *object)
{
  PvMovePlan *self = PV_MOVE_PLAN (object);

  g_clear_pointer (&self->tenant_id, g_free);
  g_clear_object (&self->candidates);
  g_clear_object (&self->operators);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->tenant_operators, g_ptr_array_unref);
  g_clear_pointer (&self->free_numbers, g_ptr_array_unref);
  g_clear_pointer (&self->current, g_hash_table_unref);
  g_clear_pointer (&self->on_premises, g_hash_table_unref);
  g_clear_pointer (&self->country_of, g_hash_table_unref);
  g_clear_pointer (&self->selected, g_hash_table_unref);
  g_clear_pointer (&self->operator_id, g_free);
  g_clear_pointer (&self->country, g_free);

  G_OBJECT_CLASS (pv_move_plan_parent_class)->finalize (object);
}

static void
pv_move_plan_class_init (PvMovePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_move_plan_finalize;

  /**
   * PvMovePlan::changed:
   *
   * What the tenant was read as or what was chosen changed; the pages
   * check whether their step is complete again.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pv_move_plan_init (PvMovePlan *self)
{
  self->candidates = g_list_store_new (PV_TYPE_USER);
  self->operators = g_list_store_new (PV_TYPE_OPERATOR);
  self->catalogue = g_list_store_new (PV_TYPE_OPERATOR);
  self->tenant_operators = g_ptr_array_new_with_free_func (g_object_unref);
  self->free_numbers = g_ptr_array_new_with_free_func (g_object_unref);
  self->current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->on_premises = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->country_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->selected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PvMovePlan *
pv_move_plan_new (PvMoveKind kind)
{
  PvMovePlan *self = g_object_new (PV_TYPE_MOVE_PLAN, NULL);

  self->kind = kind;

  return self;
}

PvMoveKind
pv_move_plan_get_kind (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), PV_MOVE_KIND_DIRECT_ROUTING);

  return self->kind;
}

const char *
pv_move_plan_get_tenant_id (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return self->tenant_id;
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
compute_candidates (PvMovePlan *self,
                    GListModel *people,
                    GListModel *numbers)
{
  g_autoptr(GHashTable) online = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GHashTable) online_country = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_object_unref);
  PvNumberType type = self->kind == PV_MOVE_KIND_DIRECT_ROUTING ? PV_NUMBER_TYPE_DIRECT_ROUTING
                                                                : PV_NUMBER_TYPE_CALLING_PLAN;

  g_ptr_array_set_size (self->free_numbers, 0);
  for (guint i = 0; numbers != NULL && i < g_list_model_get_n_items (numbers); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (numbers, i);
      const char *user = pv_phone_number_get_assigned_user_id (number);

      if (pv_phone_number_get_number_type (number) == type &&
          pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED && user != NULL)
        {
          g_hash_table_insert (online, (gpointer) user,
                               g_strdup (pv_phone_number_get_telephone_number (number)));
          if (pv_phone_number_get_country_code (number) != NULL)
            g_hash_table_insert (online_country, (gpointer) user,
                                 (gpointer) pv_phone_number_get_country_code (number));
        }
      else if (pv_phone_number_get_number_type (number) == PV_NUMBER_TYPE_OPERATOR_CONNECT &&
               pv_phone_number_get_status (number) == PV_NUMBER_STATUS_UNASSIGNED)
        g_ptr_array_add (self->free_numbers, g_object_ref (number));
    }

  g_hash_table_remove_all (self->current);
  g_hash_table_remove_all (self->on_premises);
  g_hash_table_remove_all (self->country_of);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(PvUser) user = g_list_model_get_item (people, i);
      const char *id = pv_user_get_id (user);
      const char *on_prem = pv_user_get_on_prem_line_uri (user);
      char *number = NULL;

      if (id == NULL)
        continue;
      if (self->kind == PV_MOVE_KIND_DIRECT_ROUTING && on_prem != NULL)
        {
          number = e164_of_line_uri (on_prem);
          g_hash_table_add (self->on_premises, g_strdup (id));
        }
      else if (g_hash_table_contains (online, id))
        {
          /* The numbers read hold the strings the table points to. */
          number = g_strdup (g_hash_table_lookup (online, id));
          if (g_hash_table_contains (online_country, id))
            g_hash_table_insert (self->country_of, g_strdup (id),
                                 g_strdup (g_hash_table_lookup (online_country, id)));
        }

      if (number == NULL)
        continue;
      g_hash_table_insert (self->current, g_strdup (id), number);
      g_ptr_array_add (candidates, g_object_ref (user));
    }
  g_list_store_splice (self->candidates, 0, g_list_model_get_n_items (G_LIST_MODEL (self->candidates)),
                       candidates->pdata, candidates->len);
}

static void
compute_operators (PvMovePlan *self)
{
  g_autoptr(GPtrArray) active = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean kept = FALSE;

  for (guint i = 0; i < self->tenant_operators->len; i++)
    {
      PvTenantOperator *enabled = g_ptr_array_index (self->tenant_operators, i);
      PvOperator *operator_;

      if (pv_tenant_operator_get_status (enabled) != PV_OPERATOR_STATUS_ACTIVE)
        continue;
      operator_ = pv_operator_find (G_LIST_MODEL (self->catalogue), pv_tenant_operator_get_operator_id (enabled));
      if (operator_ == NULL)
        continue;
      kept |= g_strcmp0 (pv_operator_get_id (operator_), self->operator_id) == 0;
      g_ptr_array_add (active, operator_);
    }
  g_list_store_splice (self->operators, 0, g_list_model_get_n_items (G_LIST_MODEL (self->operators)),
                       active->pdata, active->len);

  /* The operator chosen stays chosen while it is active; otherwise the
   * first one is, so that the operator page is never without one. */
  if (!kept)
    {
      g_clear_pointer (&self->operator_id, g_free);
      if (active->len > 0)
        pv_move_plan_set_operator_id (self, pv_operator_get_id (g_ptr_array_index (active, 0)));
    }
}

static void
copy_model (GPtrArray  *into,
            GListModel *model)
{
  g_ptr_array_set_size (into, 0);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (into, g_list_model_get_item (model, i));
}

/**
 * pv_move_plan_set_tenant:
 * @people: (nullable): #PvUser, with the members of voice readiness
 * @numbers: (nullable): the tenant's #PvPhoneNumber
 * @tenant_operators: (nullable): the #PvTenantOperator of the tenant
 * @catalogue: (nullable): the #PvOperator catalogue
 *
 * What the move chooses from, as the tenant was read. Choices about
 * people no longer among the candidates, or no longer ready, are
 * dropped; the others are kept.
 */
void
pv_move_plan_set_tenant (PvMovePlan *self,
                         const char *tenant_id,
                         GListModel *people,
                         GListModel *numbers,
                         GListModel *tenant_operators,
                         GListModel *catalogue)
{
  GHashTableIter iter;
  gpointer id;

  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  g_free (self->tenant_id);
  self->tenant_id = g_strdup (tenant_id);

  {
    g_autoptr(GPtrArray) operators = g_ptr_array_new_with_free_func (g_object_unref);

    copy_model (operators, catalogue);
    g_list_store_splice (self->catalogue, 0, g_list_model_get_n_items (G_LIST_MODEL (self->catalogue)),
                         operators->pdata, operators->len);
  }
  copy_model (self->tenant_operators, tenant_operators);
  compute_candidates (self, people, numbers);

  g_hash_table_iter_init (&iter, self->selected);
  while (g_hash_table_iter_next (&iter, (gpointer *) &id, NULL))
    if (!pv_move_plan_can_select (self, id))
      g_hash_table_iter_remove (&iter);

  compute_operators (self);
  changed (self);
}

/* --- The people. --- */

/**
 * pv_move_plan_get_candidates:
 *
 * Returns: (transfer none): the people (#PvUser) with a number of the
 *   kind being moved, ready or not
 */
GListModel *
pv_move_plan_get_candidates (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return G_LIST_MODEL (self->candidates);
}

/**
 * pv_move_plan_get_current_number:
 *
 * Returns: (nullable): the E.164 number of the kind being moved that
 *   @user_id has, or %NULL for someone who is not a candidate
 */
const char *
pv_move_plan_get_current_number (PvMovePlan *self,
                                 const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return g_hash_table_lookup (self->current, user_id);
}

/* Whether the person's Direct Routing number is assigned on-premises
 * (OnPremLineURI), which changes how the run removes it. */
gboolean
pv_move_plan_get_on_premises (PvMovePlan *self,
                              const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  return g_hash_table_contains (self->on_premises, user_id);
}

/**
 * pv_move_plan_dup_problem:
 *
 * Returns: (transfer full) (nullable): why @user cannot be moved, with
 *   what to do, or %NULL
 */
char *
pv_move_plan_dup_problem (PvMovePlan *self,
                          PvUser     *user)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);
  g_return_val_if_fail (PV_IS_USER (user), NULL);

  /* Every move ends with an Operator Connect number. */
  return pv_voice_readiness_dup_summary (user, PV_NUMBER_TYPE_OPERATOR_CONNECT);
}

static PvUser *
find_candidate (PvMovePlan *self,
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

/* Whether @user_id may be chosen: a candidate who can receive an
 * Operator Connect number, since removing their number would otherwise
 * leave them without one. */
gboolean
pv_move_plan_can_select (PvMovePlan *self,
                         const char *user_id)
{
  g_autoptr(PvUser) user = NULL;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  user = user_id != NULL ? find_candidate (self, user_id) : NULL;
  return user != NULL &&
         pv_voice_readiness_check (user, PV_NUMBER_TYPE_OPERATOR_CONNECT) == PV_VOICE_READY;
}

gboolean
pv_move_plan_get_selected (PvMovePlan *self,
                           const char *user_id)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  return user_id != NULL && g_hash_table_contains (self->selected, user_id);
}

/* Someone who cannot be chosen (pv_move_plan_can_select()) is not. */
void
pv_move_plan_set_selected (PvMovePlan *self,
                           const char *user_id,
                           gboolean    selected)
{
  g_return_if_fail (PV_IS_MOVE_PLAN (self));
  g_return_if_fail (user_id != NULL);

  selected = !!selected;
  if (selected == g_hash_table_contains (self->selected, user_id))
    return;
  if (selected && !pv_move_plan_can_select (self, user_id))
    return;
  if (selected)
    g_hash_table_add (self->selected, g_strdup (user_id));
  else
    g_hash_table_remove (self->selected, user_id);
  changed (self);
}

guint
pv_move_plan_get_n_selected (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), 0);

  return g_hash_table_size (self->selected);
}

/**
 * pv_move_plan_dup_selection:
 *
 * Returns: (transfer container) (element-type PvUser): the people chosen,
 *   in the order of the candidates
 */
GPtrArray *
pv_move_plan_dup_selection (PvMovePlan *self)
{
  GPtrArray *selection = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), selection);

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
 * pv_move_plan_get_operators:
 *
 * Returns: (transfer none): the operators (#PvOperator) active for the
 *   tenant
 */
GListModel *
pv_move_plan_get_operators (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return G_LIST_MODEL (self->operators);
}

const char *
pv_move_plan_get_operator_id (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return self->operator_id;
}

const char *
pv_move_plan_get_operator_name (PvMovePlan *self)
{
  g_autoptr(PvOperator) operator_ = NULL;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  operator_ = self->operator_id != NULL ? pv_operator_find (G_LIST_MODEL (self->catalogue), self->operator_id) : NULL;
  /* The catalogue holds the operator, and so its name, until the tenant
   * is read again. */
  return operator_ != NULL ? pv_operator_get_name (operator_) : self->operator_id;
}

/**
 * pv_move_plan_dup_countries:
 *
 * Returns: (transfer full): the countries the chosen operator serves the
 *   tenant in
 */
GStrv
pv_move_plan_dup_countries (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  for (guint i = 0; i < self->tenant_operators->len; i++)
    {
      PvTenantOperator *enabled = g_ptr_array_index (self->tenant_operators, i);

      if (g_strcmp0 (pv_tenant_operator_get_operator_id (enabled), self->operator_id) == 0 &&
          pv_tenant_operator_get_countries (enabled) != NULL)
        return g_strdupv ((char **) pv_tenant_operator_get_countries (enabled));
    }

  return g_new0 (char *, 1);
}

void
pv_move_plan_set_operator_id (PvMovePlan *self,
                              const char *operator_id)
{
  g_auto(GStrv) countries = NULL;

  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  if (g_strcmp0 (self->operator_id, operator_id) == 0)
    return;
  g_free (self->operator_id);
  self->operator_id = g_strdup (operator_id);

  /* The country must be one the operator serves the tenant in. */
  countries = pv_move_plan_dup_countries (self);
  if (self->country == NULL || !g_strv_contains ((const char * const *) countries, self->country))
    {
      g_free (self->country);
      self->country = g_strdup (countries[0]);
    }
  changed (self);
}

const char *
pv_move_plan_get_country (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  return self->country;
}

void
pv_move_plan_set_country (PvMovePlan *self,
                          const char *country)
{
  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  if (g_strcmp0 (self->country, country) == 0)
    return;
  g_free (self->country);
  self->country = g_strdup (country);
  changed (self);
}

gboolean
pv_move_plan_get_use_operator_numbers (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  return self->use_operator_numbers;
}

/* Whether each person gets one of the operator's numbers already in the
 * tenant, rather than keeping theirs once the operator has moved it. */
void
pv_move_plan_set_use_operator_numbers (PvMovePlan *self,
                                       gboolean    use)
{
  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  use = !!use;
  if (self->use_operator_numbers == use)
    return;
  self->use_operator_numbers = use;
  changed (self);
}

/* The operator's free numbers in the chosen country, in the order read. */
static GPtrArray *
free_operator_numbers (PvMovePlan *self)
{
  GPtrArray *numbers = g_ptr_array_new ();

  for (guint i = 0; i < self->free_numbers->len; i++)
    {
      PvPhoneNumber *number = g_ptr_array_index (self->free_numbers, i);

      if (self->operator_id != NULL &&
          g_strcmp0 (pv_phone_number_get_operator_id (number), self->operator_id) == 0 &&
          g_strcmp0 (pv_phone_number_get_country_code (number), self->country) == 0)
        g_ptr_array_add (numbers, (gpointer) pv_phone_number_get_telephone_number (number));
    }

  return numbers;
}

guint
pv_move_plan_get_n_operator_numbers (PvMovePlan *self)
{
  g_autoptr(GPtrArray) numbers = NULL;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), 0);

  numbers = free_operator_numbers (self);
  return numbers->len;
}

/**
 * pv_move_plan_dup_target_number:
 *
 * Returns: (transfer full) (nullable): the Operator Connect number the
 *   chosen person will get: their own, or the operator's next free
 *   number in the country, given in the order of the selection; %NULL
 *   when the operator has none left for them, or for someone not chosen
 */
char *
pv_move_plan_dup_target_number (PvMovePlan *self,
                                const char *user_id)
{
  g_autoptr(GPtrArray) selection = NULL;
  g_autoptr(GPtrArray) numbers = NULL;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  if (!pv_move_plan_get_selected (self, user_id))
    return NULL;
  if (!self->use_operator_numbers)
    return g_strdup (g_hash_table_lookup (self->current, user_id));

  selection = pv_move_plan_dup_selection (self);
  numbers = free_operator_numbers (self);
  for (guint i = 0; i < selection->len && i < numbers->len; i++)
    if (g_strcmp0 (pv_user_get_id (g_ptr_array_index (selection, i)), user_id) == 0)
      return g_strdup (g_ptr_array_index (numbers, i));

  return NULL;
}

/**
 * pv_move_plan_dup_run_number:
 *
 * What the run moves a chosen person to. Nobody is moved towards no
 * number: without one of the operator's numbers left, the person keeps
 * theirs, and the run's acquisition step says the operator must provide
 * it.
 *
 * Returns: (transfer full) (nullable): the E.164 number, or %NULL for
 *   someone not chosen
 */
char *
pv_move_plan_dup_run_number (PvMovePlan *self,
                             const char *user_id)
{
  char *target;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  if (!pv_move_plan_get_selected (self, user_id))
    return NULL;
  target = pv_move_plan_dup_target_number (self, user_id);
  return target != NULL ? target : g_strdup (g_hash_table_lookup (self->current, user_id));
}

/**
 * pv_move_plan_dup_target_summary:
 *
 * Returns: (transfer full) (nullable): what a chosen person's move
 *   means for their number, as the pages say it: kept (the operator
 *   takes it over), another one, or none left; %NULL for someone not
 *   chosen
 */
char *
pv_move_plan_dup_target_summary (PvMovePlan *self,
                                 const char *user_id)
{
  g_autofree char *target = NULL;
  const char *current;

  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), NULL);

  if (!pv_move_plan_get_selected (self, user_id))
    return NULL;
  current = g_hash_table_lookup (self->current, user_id);
  target = pv_move_plan_dup_target_number (self, user_id);
  if (target == NULL)
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("%s → no free number left: the operator has to provide one"), current);
  if (g_strcmp0 (current, target) == 0)
    /* Translators: %1$s is a phone number, %2$s an operator. */
    return g_strdup_printf (_("%1$s, kept: it becomes a number of %2$s"), current,
                            pv_move_plan_get_operator_name (self));
  /* Translators: %1$s and %2$s are phone numbers. */
  return g_strdup_printf (_("%1$s → %2$s"), current, target);
}

/* --- The acknowledgements. --- */

gboolean
pv_move_plan_get_acknowledged (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  return self->acknowledged;
}

/* That the numbers are out of service during the move. */
void
pv_move_plan_set_acknowledged (PvMovePlan *self,
                               gboolean    acknowledged)
{
  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  acknowledged = !!acknowledged;
  if (self->acknowledged == acknowledged)
    return;
  self->acknowledged = acknowledged;
  changed (self);
}

gboolean
pv_move_plan_get_port_confirmed (PvMovePlan *self)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  return self->port_confirmed;
}

/* Calling Plan moves: the administrator's word that the operator
 * completed the port order, for a service without port orders. */
void
pv_move_plan_set_port_confirmed (PvMovePlan *self,
                                 gboolean    confirmed)
{
  g_return_if_fail (PV_IS_MOVE_PLAN (self));

  confirmed = !!confirmed;
  if (self->port_confirmed == confirmed)
    return;
  self->port_confirmed = confirmed;
  changed (self);
}

/* --- Whether each step is complete. --- */

static gboolean
incomplete (char       **reason,
            const char  *text)
{
  if (reason != NULL)
    *reason = g_strdup (text);
  return FALSE;
}

/* A number the operator takes over stays a number of its country: a
 * person whose number belongs to another country than the one the move
 * goes to would lose it for good (unassigned, never uploaded), so the
 * move does not start until they are left out or given one of the
 * operator's numbers. */
static gboolean
numbers_fit_country (PvMovePlan  *self,
                     char       **reason)
{
  g_autoptr(GPtrArray) selection = pv_move_plan_dup_selection (self);

  for (guint i = 0; i < selection->len; i++)
    {
      PvUser *user = g_ptr_array_index (selection, i);
      const char *country = g_hash_table_lookup (self->country_of, pv_user_get_id (user));
      const char *name, *wanted;

      if (country == NULL || g_ascii_strcasecmp (country, self->country) == 0)
        continue;
      if (reason != NULL)
        {
          name = pv_user_get_display_name (user) != NULL ? pv_user_get_display_name (user)
                                                         : pv_user_get_id (user);
          wanted = pv_iso_codes_get_country_name (self->country);
          country = pv_iso_codes_get_country_name (country) != NULL ? pv_iso_codes_get_country_name (country)
                                                                     : country;
          /* Translators: %1$s is a person, %2$s their phone number, %3$s
           * the country of that number and %4$s the country the move goes
           * to. */
          *reason = g_strdup_printf (_("The number of %1$s, %2$s, belongs to the country “%3$s”, not “%4$s”, "
                                       "so the operator cannot take it over there. Choose “%3$s”, give each "
                                       "person one of the operator’s numbers, or leave %1$s out of this move."),
                                     name, (const char *) g_hash_table_lookup (self->current, pv_user_get_id (user)),
                                     country, wanted != NULL ? wanted : self->country);
        }
      return FALSE;
    }

  return TRUE;
}

/**
 * pv_move_plan_get_step_status:
 * @reason: (out) (optional) (nullable) (transfer full): why the step is
 *   not complete, a translated sentence; %NULL when it is
 *
 * Returns: whether the page for @step may go on to the next one; a step
 *   is complete only when the ones before it are
 */
gboolean
pv_move_plan_get_step_status (PvMovePlan      *self,
                              PvMovePlanStep   step,
                              char           **reason)
{
  g_return_val_if_fail (PV_IS_MOVE_PLAN (self), FALSE);

  if (reason != NULL)
    *reason = NULL;

  if (g_hash_table_size (self->selected) == 0)
    return incomplete (reason, _("Choose at least one person."));
  if (step == PV_MOVE_PLAN_STEP_PEOPLE)
    return TRUE;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->operators)) == 0 || self->operator_id == NULL)
    return incomplete (reason, _("No operator is active for the tenant: connect an operator first."));
  if (self->country == NULL)
    return incomplete (reason, _("Choose a country."));
  if (!self->use_operator_numbers && !numbers_fit_country (self, reason))
    return FALSE;
  if (step == PV_MOVE_PLAN_STEP_OPERATOR)
    return TRUE;

  if (!self->acknowledged)
    return incomplete (reason, _("Confirm that you understand the numbers are out of service during the move."));

  return TRUE;
}
