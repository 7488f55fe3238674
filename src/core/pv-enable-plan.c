/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-enable-plan.h"
#include "pv-sip.h"
#include "pv-sip-domain.h"

/* The state of the Enable Users flow.  Pages bind to its properties and
 * ask get_step_status() whether Next may be enabled; the plan recomputes
 * every address whenever something they depend on changes, and emits
 * ::changed once it is done. */

struct _PvEnablePlan
{
  GObject parent_instance;

  GListModel *selection;
  PvPool *pool;
  PvSipFormat format;
  char *domain;
  gboolean dry_run;
  gboolean skip_problems;
  GListModel *sip_domains;
  GStrv existing;
  GHashTable *overrides;

  PvSipEngine *engine;
  GListStore *entries;
  guint n_problems;

  /* While people are being chosen, addresses are not worked out at each
   * click: with a hundred thousand people selected, one pass costs a
   * third of a second. */
  gboolean deferred;
  gboolean stale;
};

G_DEFINE_FINAL_TYPE (PvEnablePlan, pv_enable_plan, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SELECTION,
  PROP_POOL,
  PROP_FORMAT,
  PROP_DOMAIN,
  PROP_DRY_RUN,
  PROP_SKIP_PROBLEMS,
  PROP_SIP_DOMAINS,
  PROP_ENTRIES,
  PROP_N_PROBLEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recompute (PvEnablePlan *self);

/* Mirrors the change in the entries, so that a list view bound to them
 * only creates rows for the people added. */
static void
on_selection_changed (GListModel   *model,
                      guint         position,
                      guint         removed,
                      guint         added,
                      PvEnablePlan *self)
{
  g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (added, g_object_unref);

  if (position + removed <= g_list_model_get_n_items (G_LIST_MODEL (self->entries)))
    {
      for (guint i = 0; i < added; i++)
        {
          g_autoptr(PvUser) user = g_list_model_get_item (model, position + i);
          g_ptr_array_add (fresh, pv_enable_entry_new (user));
        }
      g_list_store_splice (self->entries, position, removed, fresh->pdata, fresh->len);
    }

  recompute (self);
}

static void
on_sip_domains_changed (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        PvEnablePlan *self)
{
  recompute (self);
}

static void
pv_enable_plan_dispose (GObject *object)
{
  PvEnablePlan *self = (PvEnablePlan *) object;

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  if (self->sip_domains != NULL)
    g_signal_handlers_disconnect_by_func (self->sip_domains, on_sip_domains_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sip_domains);
  g_clear_object (&self->pool);
  g_clear_object (&self->engine);
  g_clear_object (&self->entries);

  G_OBJECT_CLASS (pv_enable_plan_parent_class)->dispose (object);
}

static void
pv_enable_plan_finalize (GObject *object)
{
  PvEnablePlan *self = (PvEnablePlan *) object;

  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->existing, g_strfreev);
  g_clear_pointer (&self->overrides, g_hash_table_unref);

  G_OBJECT_CLASS (pv_enable_plan_parent_class)->finalize (object);
}

static void
pv_enable_plan_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PvEnablePlan *self = PV_ENABLE_PLAN (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      g_value_set_object (value, self->selection);
      break;

    case PROP_POOL:
      g_value_set_object (value, self->pool);
      break;

    case PROP_FORMAT:
      g_value_set_enum (value, self->format);
      break;

    case PROP_DOMAIN:
      g_value_set_string (value, self->domain);
      break;

    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;

    case PROP_SKIP_PROBLEMS:
      g_value_set_boolean (value, self->skip_problems);
      break;

    case PROP_SIP_DOMAINS:
      g_value_set_object (value, self->sip_domains);
      break;

    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;

    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_plan_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PvEnablePlan *self = PV_ENABLE_PLAN (object);

  switch (prop_id)
    {
    case PROP_SELECTION:
      pv_enable_plan_set_selection (self, g_value_get_object (value));
      break;

    case PROP_POOL:
      pv_enable_plan_set_pool (self, g_value_get_object (value));
      break;

    case PROP_FORMAT:
      pv_enable_plan_set_format (self, g_value_get_enum (value));
      break;

    case PROP_DOMAIN:
      pv_enable_plan_set_domain (self, g_value_get_string (value));
      break;

    case PROP_DRY_RUN:
      pv_enable_plan_set_dry_run (self, g_value_get_boolean (value));
      break;

    case PROP_SKIP_PROBLEMS:
      pv_enable_plan_set_skip_problems (self, g_value_get_boolean (value));
      break;

    case PROP_SIP_DOMAINS:
      pv_enable_plan_set_sip_domains (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_enable_plan_class_init (PvEnablePlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pv_enable_plan_dispose;
  object_class->finalize = pv_enable_plan_finalize;
  object_class->get_property = pv_enable_plan_get_property;
  object_class->set_property = pv_enable_plan_set_property;

  /* The people to enable, a list of PvUser; the plan watches it. */
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_POOL] =
    g_param_spec_object ("pool", NULL, NULL,
                         PV_TYPE_POOL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The e-mail address is the documented default. */
  properties[PROP_FORMAT] =
    g_param_spec_enum ("format", NULL, NULL,
                       PV_TYPE_SIP_FORMAT, PV_SIP_FORMAT_EMAIL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The SIP domain for <first name>.<last name> and <sAMAccountName>. */
  properties[PROP_DOMAIN] =
    g_param_spec_string ("domain", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Whether the people whose address has a problem are left out of the
   * run (and reported as skipped) rather than holding it up. */
  properties[PROP_SKIP_PROBLEMS] =
    g_param_spec_boolean ("skip-problems", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The deployment's SIP domains, a list of PvSipDomain. */
  properties[PROP_SIP_DOMAINS] =
    g_param_spec_object ("sip-domains", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* One PvEnableEntry per selected person, in selection order. */
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL,
                         G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Entries whose status is not ok. */
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvEnablePlan::changed:
   *
   * Emitted after every recomputation: step statuses may have changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pv_enable_plan_init (PvEnablePlan *self)
{
  self->format = PV_SIP_FORMAT_EMAIL;
  self->engine = pv_sip_engine_new ();
  self->entries = g_list_store_new (PV_TYPE_ENABLE_ENTRY);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->selection = G_LIST_MODEL (g_list_store_new (PV_TYPE_USER));
  self->sip_domains = G_LIST_MODEL (g_list_store_new (PV_TYPE_SIP_DOMAIN));
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_selection_changed), self);
  g_signal_connect (self->sip_domains, "items-changed", G_CALLBACK (on_sip_domains_changed), self);
}

PvEnablePlan *
pv_enable_plan_new (void)
{
  return g_object_new (PV_TYPE_ENABLE_PLAN, NULL);
}

static void
update_engine_domains (PvEnablePlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) domains = NULL;
  guint n = g_list_model_get_n_items (self->sip_domains);

  /* The default domain goes first: the engine offers the first one in
   * its hints. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PvSipDomain) d = g_list_model_get_item (self->sip_domains, i);
        const char *name = pv_sip_domain_get_name (d);

        if (name == NULL || pv_sip_domain_get_is_default (d) != (pass == 0))
          continue;
        g_strv_builder_add (builder, name);
      }

  domains = g_strv_builder_end (builder);
  pv_sip_engine_set_domains (self->engine, (const char * const *) domains);
}

static void
resolve_addresses (PvEnablePlan *self)
{
  guint n = g_list_model_get_n_items (self->selection);
  g_autofree PvSipPerson *people = g_new0 (PvSipPerson, MAX (n, 1));
  g_autoptr(GPtrArray) users = g_ptr_array_new_full (n, g_object_unref);
  g_autoptr(GPtrArray) results = NULL;
  guint n_problems = 0;
  gboolean rebuild;

  update_engine_domains (self);
  pv_sip_engine_clear_existing (self->engine);
  for (guint i = 0; self->existing != NULL && self->existing[i] != NULL; i++)
    pv_sip_engine_add_existing (self->engine, self->existing[i]);

  for (guint i = 0; i < n; i++)
    {
      PvUser *user = g_list_model_get_item (self->selection, i);

      g_ptr_array_add (users, user);
      people[i].id = pv_user_get_id (user);
      people[i].display_name = pv_user_get_display_name (user);
      people[i].given_name = pv_user_get_given_name (user);
      people[i].surname = pv_user_get_surname (user);
      people[i].mail = pv_user_get_mail (user);
      people[i].user_principal_name = pv_user_get_user_principal_name (user);
      people[i].sam_account_name = pv_user_get_on_premises_sam_account_name (user);
      people[i].current_address = pv_user_get_sip_address (user);
      if (people[i].id != NULL)
        people[i].explicit_address = g_hash_table_lookup (self->overrides, people[i].id);
    }

  results = pv_sip_engine_resolve (self->engine, self->format, self->domain, people, n);

  /* Keep the entry objects when the selection is the same, so that rows
   * bound to them only see the properties that moved. */
  rebuild = g_list_model_get_n_items (G_LIST_MODEL (self->entries)) != n;
  for (guint i = 0; !rebuild && i < n; i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      rebuild = pv_enable_entry_get_user (entry) != g_ptr_array_index (users, i);
    }

  if (rebuild)
    {
      g_autoptr(GPtrArray) fresh = g_ptr_array_new_full (n, g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (fresh, pv_enable_entry_new (g_ptr_array_index (users, i)));
      g_list_store_splice (self->entries, 0,
                           g_list_model_get_n_items (G_LIST_MODEL (self->entries)),
                           fresh->pdata, fresh->len);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvEnableEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->entries), i);
      PvSipResult *r = g_ptr_array_index (results, i);

      if (r->status != PV_SIP_STATUS_OK)
        n_problems++;
      pv_enable_entry_update (entry, r->status, r->address,
                              r->problem != NULL ? r->problem->code : -1,
                              pv_sip_result_get_message (r), r->hint, r->suggestion);
    }

  if (self->n_problems != n_problems)
    {
      self->n_problems = n_problems;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
recompute (PvEnablePlan *self)
{
  if (self->deferred)
    {
      self->stale = TRUE;
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  self->stale = FALSE;
  resolve_addresses (self);
}

/**
 * pv_enable_plan_set_deferred:
 * @deferred: whether to put off working out addresses
 *
 * While deferred, changes are recorded and "changed" is emitted, but the
 * entries, their addresses and the count of problems are not brought up
 * to date; they are when the plan stops being deferred. A page where
 * people are chosen defers the plan; the page that shows the addresses
 * does not.
 */
void
pv_enable_plan_set_deferred (PvEnablePlan *self,
                             gboolean      deferred)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  self->deferred = !!deferred;
  if (!self->deferred && self->stale)
    recompute (self);
}

gboolean
pv_enable_plan_get_deferred (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), FALSE);

  return self->deferred;
}

GListModel *
pv_enable_plan_get_selection (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  return self->selection;
}

/**
 * pv_enable_plan_set_selection:
 * @selection: (nullable): a list of #PvUser; %NULL for an empty one
 */
void
pv_enable_plan_set_selection (PvEnablePlan *self,
                              GListModel   *selection)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));
  g_return_if_fail (selection == NULL || G_IS_LIST_MODEL (selection));
  g_return_if_fail (selection == NULL ||
                    g_type_is_a (g_list_model_get_item_type (selection), PV_TYPE_USER));

  if (selection != NULL && self->selection == selection)
    return;

  g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  g_clear_object (&self->selection);
  self->selection = selection != NULL ? g_object_ref (selection)
                                      : G_LIST_MODEL (g_list_store_new (PV_TYPE_USER));
  g_signal_connect (self->selection, "items-changed", G_CALLBACK (on_selection_changed), self);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

PvPool *
pv_enable_plan_get_pool (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  return self->pool;
}

void
pv_enable_plan_set_pool (PvEnablePlan *self,
                         PvPool       *pool)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));
  g_return_if_fail (pool == NULL || PV_IS_POOL (pool));

  if (g_set_object (&self->pool, pool))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POOL]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

PvSipFormat
pv_enable_plan_get_format (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), PV_SIP_FORMAT_EMAIL);
  return self->format;
}

void
pv_enable_plan_set_format (PvEnablePlan *self,
                           PvSipFormat   format)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));
  g_return_if_fail (format < PV_SIP_N_FORMATS);

  if (self->format == format)
    return;
  self->format = format;
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORMAT]);
}

const char *
pv_enable_plan_get_domain (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  return self->domain;
}

void
pv_enable_plan_set_domain (PvEnablePlan *self,
                           const char   *domain)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  if (g_strcmp0 (self->domain, domain) == 0)
    return;
  g_free (self->domain);
  self->domain = g_strdup (domain);
  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
}

gboolean
pv_enable_plan_get_dry_run (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), FALSE);
  return self->dry_run;
}

void
pv_enable_plan_set_dry_run (PvEnablePlan *self,
                            gboolean      dry_run)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;
  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
}

gboolean
pv_enable_plan_get_skip_problems (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), FALSE);

  return self->skip_problems;
}

void
pv_enable_plan_set_skip_problems (PvEnablePlan *self,
                                  gboolean      skip_problems)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  skip_problems = !!skip_problems;
  if (self->skip_problems == skip_problems)
    return;
  self->skip_problems = skip_problems;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_PROBLEMS]);
  /* Completeness and the summary depend on it. */
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * pv_enable_plan_get_n_to_enable:
 *
 * Returns: how many people the run will enable: the selection, less
 *   those with a problem when they are skipped
 */
guint
pv_enable_plan_get_n_to_enable (PvEnablePlan *self)
{
  guint n;

  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), 0);

  n = g_list_model_get_n_items (self->selection);
  if (self->skip_problems)
    n -= MIN (n, self->n_problems);

  return n;
}

GListModel *
pv_enable_plan_get_sip_domains (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  return self->sip_domains;
}

/**
 * pv_enable_plan_set_sip_domains:
 * @sip_domains: (nullable): a list of #PvSipDomain
 *
 * When no domain is chosen yet, or the chosen one is not among
 * @sip_domains (a new topology was imported), the default SIP domain is
 * chosen.
 */
void
pv_enable_plan_set_sip_domains (PvEnablePlan *self,
                                GListModel   *sip_domains)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));
  g_return_if_fail (sip_domains == NULL || G_IS_LIST_MODEL (sip_domains));

  if (sip_domains != NULL && self->sip_domains == sip_domains)
    return;

  g_signal_handlers_disconnect_by_func (self->sip_domains, on_sip_domains_changed, self);
  g_clear_object (&self->sip_domains);
  self->sip_domains = sip_domains != NULL ? g_object_ref (sip_domains)
                                          : G_LIST_MODEL (g_list_store_new (PV_TYPE_SIP_DOMAIN));
  g_signal_connect (self->sip_domains, "items-changed",
                    G_CALLBACK (on_sip_domains_changed), self);

  if (self->domain != NULL)
    {
      guint n = g_list_model_get_n_items (self->sip_domains);
      gboolean known = FALSE;

      for (guint i = 0; i < n && !known; i++)
        {
          g_autoptr(PvSipDomain) d = g_list_model_get_item (self->sip_domains, i);

          known = g_strcmp0 (pv_sip_domain_get_name (d), self->domain) == 0;
        }
      /* A choice among domains that are no longer offered is no choice. */
      if (!known && n > 0)
        {
          g_clear_pointer (&self->domain, g_free);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
        }
    }

  if (self->domain == NULL)
    {
      guint n = g_list_model_get_n_items (self->sip_domains);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PvSipDomain) d = g_list_model_get_item (self->sip_domains, i);

          if (pv_sip_domain_get_is_default (d))
            {
              self->domain = g_strdup (pv_sip_domain_get_name (d));
              g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOMAIN]);
              break;
            }
        }
    }

  recompute (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIP_DOMAINS]);
}

/**
 * pv_enable_plan_set_existing_addresses:
 * @addresses: (nullable): SIP addresses already in use in the deployment
 */
void
pv_enable_plan_set_existing_addresses (PvEnablePlan       *self,
                                       const char * const *addresses)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  g_strfreev (self->existing);
  self->existing = g_strdupv ((char **) addresses);
  recompute (self);
}

/**
 * pv_enable_plan_set_override:
 * @address: (nullable): an address typed for this person, which replaces
 *   the format for them; %NULL or "" goes back to the format
 */
void
pv_enable_plan_set_override (PvEnablePlan *self,
                             const char   *user_id,
                             const char   *address)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));
  g_return_if_fail (user_id != NULL);

  if (address == NULL || *address == '\0')
    {
      if (!g_hash_table_remove (self->overrides, user_id))
        return;
    }
  else
    {
      if (g_strcmp0 (g_hash_table_lookup (self->overrides, user_id), address) == 0)
        return;
      g_hash_table_replace (self->overrides, g_strdup (user_id), g_strdup (address));
    }
  recompute (self);
}

const char *
pv_enable_plan_get_override (PvEnablePlan *self,
                             const char   *user_id)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  g_return_val_if_fail (user_id != NULL, NULL);

  return g_hash_table_lookup (self->overrides, user_id);
}

/**
 * pv_enable_plan_refresh:
 *
 * Recomputes every address.  The plan follows its own properties and the
 * selection list, but not the fields of each user: a caller that edits a
 * user in place (a name fixed in the directory) calls this afterwards.
 */
void
pv_enable_plan_refresh (PvEnablePlan *self)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  recompute (self);
}

/**
 * pv_enable_plan_get_entries:
 *
 * Returns: (transfer none): a list of #PvEnableEntry
 */
GListModel *
pv_enable_plan_get_entries (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);
  return G_LIST_MODEL (self->entries);
}

guint
pv_enable_plan_get_n_problems (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), 0);
  return self->n_problems;
}

static gboolean
incomplete (char       **reason,
            char        *text)
{
  if (reason != NULL)
    *reason = text;
  else
    g_free (text);
  return FALSE;
}

/**
 * pv_enable_plan_get_step_status:
 * @reason: (out) (optional) (nullable) (transfer full): why the step is
 *   not complete, a translated sentence; %NULL when it is
 *
 * Returns: whether the page for @step may go on to the next one
 */
gboolean
pv_enable_plan_get_step_status (PvEnablePlan  *self,
                                PvEnableStep   step,
                                char         **reason)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), FALSE);

  if (reason != NULL)
    *reason = NULL;

  switch (step)
    {
    case PV_ENABLE_STEP_WELCOME:
      return TRUE;

    case PV_ENABLE_STEP_SELECT_USERS:
      if (g_list_model_get_n_items (self->selection) == 0)
        return incomplete (reason, g_strdup (_("Select at least one person to enable.")));
      return TRUE;

    case PV_ENABLE_STEP_SELECT_POOL:
      if (self->pool == NULL)
        return incomplete (reason,
                           g_strdup (_("Choose the Standard Edition server or the Enterprise "
                                       "pool that will host the users.")));
      if (pv_pool_get_kind (self->pool) == PV_POOL_KIND_DIRECTOR)
        return incomplete (reason,
                           /* Translators: %s is a pool FQDN. */
                           g_strdup_printf (_("%s is a Director, which does not host users; "
                                              "choose a Standard Edition server or an "
                                              "Enterprise pool."),
                                            pv_pool_get_fqdn (self->pool)));
      return TRUE;

    case PV_ENABLE_STEP_SIGN_IN_NAME:
      /* Every address needs a known domain, whatever the format. */
      if (g_list_model_get_n_items (self->sip_domains) == 0)
        return incomplete (reason,
                           g_strdup (_("The deployment has no SIP domain yet; add one before "
                                       "enabling users.")));
      if (pv_sip_format_needs_domain (self->format))
        {
          if (self->domain == NULL || *self->domain == '\0')
            return incomplete (reason,
                               g_strdup (_("Choose the SIP domain for the addresses.")));
          if (!pv_sip_engine_has_domain (self->engine, self->domain))
            return incomplete (reason,
                               /* Translators: %s is a domain name. */
                               g_strdup_printf (_("“%s” is not one of the SIP domains of the "
                                                  "deployment; choose one from the list."),
                                                self->domain));
        }
      if (g_list_model_get_n_items (self->selection) == 0)
        return incomplete (reason, g_strdup (_("Select at least one person to enable.")));
      if (self->skip_problems && self->n_problems >= g_list_model_get_n_items (self->selection))
        return incomplete (reason,
                           g_strdup (_("Nobody in the selection has a usable SIP address; choose "
                                       "another format or type the addresses.")));
      if (self->n_problems > 0 && !self->skip_problems)
        return incomplete (reason,
                           /* Translators: %u is a number of people. */
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%u person has no usable SIP address "
                                                         "yet; choose another format, type an "
                                                         "address, or remove the person from "
                                                         "the selection.",
                                                         "%u people have no usable SIP address "
                                                         "yet; choose another format, type an "
                                                         "address, or remove them from the "
                                                         "selection.",
                                                         self->n_problems),
                                            self->n_problems));
      return TRUE;

    case PV_ENABLE_STEP_READY:
      for (PvEnableStep s = PV_ENABLE_STEP_WELCOME; s < PV_ENABLE_STEP_READY; s++)
        if (!pv_enable_plan_get_step_status (self, s, reason))
          return FALSE;
      return TRUE;

    default:
      g_return_val_if_reached (FALSE);
    }
}

gboolean
pv_enable_plan_is_complete (PvEnablePlan  *self,
                            char         **reason)
{
  return pv_enable_plan_get_step_status (self, PV_ENABLE_STEP_READY, reason);
}

/**
 * pv_enable_plan_dup_summary:
 *
 * Returns: (transfer full) (nullable): the sentence for the Ready to
 *   Enable Users page, translated; %NULL until a pool is chosen
 */
char *
pv_enable_plan_dup_summary (PvEnablePlan *self)
{
  g_autoptr(GString) summary = NULL;
  guint n, n_skipped;
  const char *fqdn;
  const char *format;

  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), NULL);

  if (self->pool == NULL || pv_pool_get_fqdn (self->pool) == NULL)
    return NULL;

  n = pv_enable_plan_get_n_to_enable (self);
  n_skipped = g_list_model_get_n_items (self->selection) - n;
  fqdn = pv_pool_get_fqdn (self->pool);
  format = pv_sip_format_get_short_name (self->format);
  summary = g_string_new (NULL);

  /* One sentence a line, each translated whole. */
  if (self->dry_run)
    /* Translators: %u is a number of people, %s a pool FQDN. */
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "Dry run: %u person would be enabled on %s; nothing "
                                         "will be changed.",
                                         "Dry run: %u people would be enabled on %s; nothing "
                                         "will be changed.",
                                         n),
                            n, fqdn);
  else
    /* Translators: %u is a number of people, %s a pool FQDN. */
    g_string_append_printf (summary,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%u person will be enabled on %s.",
                                         "%u people will be enabled on %s.",
                                         n),
                            n, fqdn);

  g_string_append_c (summary, '\n');
  if (pv_sip_format_needs_domain (self->format))
    /* Translators: the first %s is what addresses are made from ("first
     * name.last name"), the second a domain. */
    g_string_append_printf (summary, _("SIP addresses are made from: %s, at %s."), format,
                            self->domain != NULL ? self->domain : "");
  else
    /* Translators: %s is what addresses are made from ("e-mail address"). */
    g_string_append_printf (summary, _("SIP addresses are made from: %s."), format);

  if (n_skipped > 0)
    {
      g_string_append_c (summary, '\n');
      /* Translators: %u is a number of people. */
      g_string_append_printf (summary,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%u person is skipped, having no usable SIP address.",
                                           "%u people are skipped, having no usable SIP address.",
                                           n_skipped),
                              n_skipped);
    }

  return g_string_free (g_steal_pointer (&summary), FALSE);
}
