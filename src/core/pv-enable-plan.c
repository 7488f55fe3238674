/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pv-enable-plan.h"
#include "pv-sip.h"
#include "pv-sip-domain.h"

/* The state of the Enable Users flow.  Pages bind to its properties and
 * ask get_step_status() whether Next may be enabled; the plan recomputes
 * every address whenever something they depend on changes, and emits
 * ::changed once it is done.
 *
 * With a hundred thousand people selected one pass costs a third of a
 * second or more, so a plan given a thread threshold works addresses out
 * in a worker thread for selections at least that large: it is
 * "resolving" meanwhile, a change cancels the pass under way and starts
 * another, and the results reach the entries in slices of a few
 * milliseconds, so that the main loop keeps drawing frames. */

/* The entries, a plain array behind GListModel: a rebuilt list of a
 * hundred thousand entries replaces the previous one in one step, where
 * a GListStore would insert them one by one. */
#define PV_TYPE_PLAN_ENTRIES (pv_plan_entries_get_type ())
G_DECLARE_FINAL_TYPE (PvPlanEntries, pv_plan_entries, PV, PLAN_ENTRIES, GObject)

struct _PvPlanEntries
{
  GObject    parent_instance;
  GPtrArray *items;
  gboolean   shared;       /* with a pass, since it was last copied */
};

static GType
pv_plan_entries_get_item_type (GListModel *model)
{
  return PV_TYPE_ENABLE_ENTRY;
}

static guint
pv_plan_entries_get_n_items (GListModel *model)
{
  return PV_PLAN_ENTRIES (model)->items->len;
}

static gpointer
pv_plan_entries_get_item (GListModel *model,
                          guint       position)
{
  PvPlanEntries *self = PV_PLAN_ENTRIES (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
pv_plan_entries_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pv_plan_entries_get_item_type;
  iface->get_n_items = pv_plan_entries_get_n_items;
  iface->get_item = pv_plan_entries_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (PvPlanEntries, pv_plan_entries, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pv_plan_entries_model_init))

static void
pv_plan_entries_finalize (GObject *object)
{
  g_ptr_array_unref (PV_PLAN_ENTRIES (object)->items);
  G_OBJECT_CLASS (pv_plan_entries_parent_class)->finalize (object);
}

static void
pv_plan_entries_class_init (PvPlanEntriesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pv_plan_entries_finalize;
}

static void
pv_plan_entries_init (PvPlanEntries *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

/* Passes under way share the arrays they read rather than copy them (a
 * hundred thousand references taken on the main loop at each change);
 * one that is shared is copied before it changes. */
static GPtrArray *
own_array (GPtrArray **array,
           gboolean   *shared)
{
  if (*shared)
    {
      GPtrArray *copy = g_ptr_array_copy (*array, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

      g_ptr_array_set_free_func (copy, g_object_unref);
      g_ptr_array_unref (*array);
      *array = copy;
      *shared = FALSE;
    }
  return *array;
}

/* Takes the references of @added. */
static void
pv_plan_entries_splice (PvPlanEntries *self,
                        guint          position,
                        guint          removed,
                        gpointer      *added,
                        guint          n_added)
{
  GPtrArray *items = own_array (&self->items, &self->shared);
  guint tail;

  g_ptr_array_remove_range (items, position, removed);
  if (n_added > 0)
    {
      tail = items->len - position;
      g_ptr_array_set_size (items, items->len + n_added);
      memmove (items->pdata + position + n_added, items->pdata + position, tail * sizeof (gpointer));
      memcpy (items->pdata + position, added, n_added * sizeof (gpointer));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, n_added);
}

/* Returns: (transfer full): the previous array */
static GPtrArray *
pv_plan_entries_replace (PvPlanEntries *self,
                         GPtrArray     *items)
{
  GPtrArray *old = self->items;

  self->items = items;
  self->shared = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old->len, items->len);
  return old;
}

typedef struct _Resolve Resolve;

struct _PvEnablePlan
{
  GObject parent_instance;

  GListModel *selection;
  GPtrArray *users;            /* PvUser *, mirrors the selection */
  gboolean users_shared;       /* with a pass, since it was last copied */
  PvPool *pool;
  PvSipFormat format;
  char *domain;
  gboolean dry_run;
  gboolean skip_problems;
  GListModel *sip_domains;
  GPtrArray *existing;         /* char *, shared with the passes under way */
  GHashTable *overrides;

  PvSipEngine *engine;
  PvPlanEntries *entries;
  /* The entries no longer follow the selection: a change of many people
   * was left to the next pass, which rebuilds them off the main loop. */
  gboolean entries_stale;
  guint n_problems;

  /* While people are being chosen, addresses are not worked out at each
   * click: with a hundred thousand people selected, one pass costs a
   * third of a second. */
  gboolean deferred;
  gboolean stale;

  guint thread_threshold;
  gboolean resolving;
  GCancellable *resolve_cancellable;
  Resolve *applying;
  guint apply_id;
  guint generation;            /* of the pass under way */
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
  PROP_RESOLVING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void recompute (PvEnablePlan *self);
static void cancel_resolve (PvEnablePlan *self);

/* Mirrors the change in the entries, so that a list view bound to them
 * only creates rows for the people added.  A change of many people, when
 * passes may run in a thread, is left to the next pass instead: making a
 * hundred thousand entries here would hold the main loop. */
static void
on_selection_changed (GListModel   *model,
                      guint         position,
                      guint         removed,
                      guint         added,
                      PvEnablePlan *self)
{
  g_autoptr(GPtrArray) fresh = NULL;

  if (position + removed > self->users->len)
    {
      /* Out of step: start again from the model. */
      guint n = g_list_model_get_n_items (model);

      g_ptr_array_unref (self->users);
      self->users = g_ptr_array_new_full (n, g_object_unref);
      self->users_shared = FALSE;
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->users, g_list_model_get_item (model, i));
      self->entries_stale = TRUE;
    }
  else
    {
      guint tail;

      own_array (&self->users, &self->users_shared);
      g_ptr_array_remove_range (self->users, position, removed);
      if (added > 0)
        {
          tail = self->users->len - position;
          g_ptr_array_set_size (self->users, self->users->len + added);
          memmove (self->users->pdata + position + added, self->users->pdata + position,
                   tail * sizeof (gpointer));
          for (guint i = 0; i < added; i++)
            self->users->pdata[position + i] = g_list_model_get_item (model, position + i);
        }
    }

  if (!self->entries_stale && self->thread_threshold != G_MAXUINT &&
      (guint64) added + removed >= self->thread_threshold)
    self->entries_stale = TRUE;

  if (!self->entries_stale && position + removed <= self->entries->items->len)
    {
      fresh = g_ptr_array_new_full (added, NULL);
      for (guint i = 0; i < added; i++)
        g_ptr_array_add (fresh, pv_enable_entry_new (g_ptr_array_index (self->users, position + i)));
      pv_plan_entries_splice (self->entries, position, removed, fresh->pdata, fresh->len);
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

  cancel_resolve (self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_func (self->selection, on_selection_changed, self);
  if (self->sip_domains != NULL)
    g_signal_handlers_disconnect_by_func (self->sip_domains, on_sip_domains_changed, self);
  g_clear_object (&self->selection);
  g_clear_object (&self->sip_domains);
  g_clear_object (&self->pool);
  g_clear_object (&self->engine);
  g_clear_object (&self->entries);
  g_clear_pointer (&self->users, g_ptr_array_unref);

  G_OBJECT_CLASS (pv_enable_plan_parent_class)->dispose (object);
}

static void
pv_enable_plan_finalize (GObject *object)
{
  PvEnablePlan *self = (PvEnablePlan *) object;

  g_clear_pointer (&self->domain, g_free);
  g_clear_pointer (&self->existing, g_ptr_array_unref);
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

    case PROP_RESOLVING:
      g_value_set_boolean (value, self->resolving);
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

  /* Whether a pass is working addresses out in a thread, or applying
   * them: the entries and the count of problems are not up to date. */
  properties[PROP_RESOLVING] =
    g_param_spec_boolean ("resolving", NULL, NULL,
                          FALSE,
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
  self->entries = g_object_new (PV_TYPE_PLAN_ENTRIES, NULL);
  self->users = g_ptr_array_new_with_free_func (g_object_unref);
  self->existing = g_ptr_array_new_with_free_func (g_free);
  self->thread_threshold = G_MAXUINT;
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

/* Returns: (transfer full): the domains' names, the default first */
static GStrv
update_engine_domains (PvEnablePlan *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GStrv domains = NULL;
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
  return domains;
}

/* One pass: what it reads is its own (the people are referenced, and
 * neither they nor the other inputs change while it runs), so that it can
 * run in a thread while the plan goes on changing. */
struct _Resolve
{
  GPtrArray   *users;
  GPtrArray   *entries;     /* to update in place; NULL to rebuild them */
  PvSipFormat  format;
  char        *domain;
  GStrv        domains;
  GPtrArray   *existing;
  GHashTable  *overrides;

  GPtrArray   *results;     /* PvSipResult *, for entries updated in place */
  GPtrArray   *fresh;       /* PvEnableEntry *, rebuilt */
  guint        n_problems;
  guint        n_applied;
};

static void
resolve_free (Resolve *r)
{
  g_clear_pointer (&r->users, g_ptr_array_unref);
  g_clear_pointer (&r->entries, g_ptr_array_unref);
  g_clear_pointer (&r->domain, g_free);
  g_clear_pointer (&r->domains, g_strfreev);
  g_clear_pointer (&r->existing, g_ptr_array_unref);
  g_clear_pointer (&r->overrides, g_hash_table_unref);
  g_clear_pointer (&r->results, g_ptr_array_unref);
  g_clear_pointer (&r->fresh, g_ptr_array_unref);
  g_free (r);
}

static void
update_entry (PvEnableEntry     *entry,
              const PvSipResult *r)
{
  pv_enable_entry_update (entry, r->status, r->address,
                          r->problem != NULL ? r->problem->code : -1,
                          pv_sip_result_get_message (r), r->hint, r->suggestion);
}

/* Returns: FALSE if @cancellable was cancelled */
static gboolean
resolve_run (Resolve      *r,
             GCancellable *cancellable)
{
  guint n = r->users->len;
  g_autofree PvSipPerson *people = g_new0 (PvSipPerson, MAX (n, 1));
  g_autoptr(PvSipEngine) engine = pv_sip_engine_new ();

  pv_sip_engine_set_domains (engine, (const char * const *) r->domains);
  for (guint i = 0; i < r->existing->len; i++)
    pv_sip_engine_add_existing (engine, g_ptr_array_index (r->existing, i));

  for (guint i = 0; i < n; i++)
    {
      PvUser *user = g_ptr_array_index (r->users, i);

      people[i].id = pv_user_get_id (user);
      people[i].display_name = pv_user_get_display_name (user);
      people[i].given_name = pv_user_get_given_name (user);
      people[i].surname = pv_user_get_surname (user);
      people[i].mail = pv_user_get_mail (user);
      people[i].user_principal_name = pv_user_get_user_principal_name (user);
      people[i].sam_account_name = pv_user_get_on_premises_sam_account_name (user);
      people[i].current_address = pv_user_get_sip_address (user);
      if (people[i].id != NULL)
        people[i].explicit_address = g_hash_table_lookup (r->overrides, people[i].id);
    }

  if (g_cancellable_is_cancelled (cancellable))
    return FALSE;
  r->results = pv_sip_engine_resolve (engine, r->format, r->domain, people, n);

  for (guint i = 0; i < n; i++)
    if (((PvSipResult *) g_ptr_array_index (r->results, i))->status != PV_SIP_STATUS_OK)
      r->n_problems++;

  /* New entries have nobody watching them yet: they are filled here,
   * whatever thread this is. */
  if (r->entries == NULL)
    {
      r->fresh = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        {
          PvEnableEntry *entry = pv_enable_entry_new (g_ptr_array_index (r->users, i));

          update_entry (entry, g_ptr_array_index (r->results, i));
          g_ptr_array_add (r->fresh, entry);
          if (i % 4096 == 0 && g_cancellable_is_cancelled (cancellable))
            return FALSE;
        }
      g_clear_pointer (&r->results, g_ptr_array_unref);
    }

  return !g_cancellable_is_cancelled (cancellable);
}

typedef struct
{
  gpointer       data;
  GDestroyNotify destroy;
} Drop;

static gpointer
drop_thread (gpointer user_data)
{
  Drop *drop = user_data;

  drop->destroy (drop->data);
  g_free (drop);
  return NULL;
}

/* Many entries or results go away in a thread of their own: freeing a
 * hundred thousand of them is a stall of its own. */
static void
drop_later (gpointer       data,
            GDestroyNotify destroy)
{
  Drop *drop = g_new (Drop, 1);

  drop->data = data;
  drop->destroy = destroy;
  g_thread_unref (g_thread_new ("pv-plan-drop", drop_thread, drop));
}

static void
set_resolving (PvEnablePlan *self,
               gboolean      resolving)
{
  if (self->resolving == resolving)
    return;
  self->resolving = resolving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVING]);
}

static void
finish_resolve (PvEnablePlan *self,
                guint         n_problems)
{
  if (self->n_problems != n_problems)
    {
      self->n_problems = n_problems;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
  set_resolving (self, FALSE);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Returns: whether every result is applied, or the pass was overtaken
 * (an entry's handler changed the plan, which started another pass) */
static gboolean
apply_results (PvEnablePlan *self,
               Resolve      *r,
               gint64        deadline)
{
  guint generation = self->generation;

  for (; r->n_applied < r->results->len; r->n_applied++)
    {
      update_entry (g_ptr_array_index (r->entries, r->n_applied),
                    g_ptr_array_index (r->results, r->n_applied));
      if (self->generation != generation)
        return TRUE;
      /* Looking at the clock costs less than an entry, but not nothing. */
      if (deadline != 0 && r->n_applied % 256 == 255 && g_get_monotonic_time () >= deadline)
        {
          r->n_applied++;
          return r->n_applied == r->results->len;
        }
    }
  return TRUE;
}

static void
apply_rebuilt (PvEnablePlan *self,
               Resolve      *r)
{
  GPtrArray *old = pv_plan_entries_replace (self->entries, g_steal_pointer (&r->fresh));

  self->entries_stale = FALSE;
  if (old->len > 1000)
    drop_later (old, (GDestroyNotify) g_ptr_array_unref);
  else
    g_ptr_array_unref (old);
}

/* A slice of results at each idle: long enough to be worth it, short
 * enough that frames keep coming. */
#define APPLY_SLICE_USEC 5000

static gboolean
apply_slice_cb (gpointer user_data)
{
  PvEnablePlan *self = user_data;
  Resolve *r = self->applying;
  guint generation = self->generation;
  guint n_problems;

  if (!apply_results (self, r, g_get_monotonic_time () + APPLY_SLICE_USEC))
    return G_SOURCE_CONTINUE;

  /* Overtaken: cancel_resolve() left this pass to us. */
  if (self->generation != generation)
    {
      drop_later (r, (GDestroyNotify) resolve_free);
      return G_SOURCE_REMOVE;
    }

  self->apply_id = 0;
  self->applying = NULL;
  n_problems = r->n_problems;
  drop_later (r, (GDestroyNotify) resolve_free);
  finish_resolve (self, n_problems);
  return G_SOURCE_REMOVE;
}

static void
resolve_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  if (!resolve_run (task_data, cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_boolean (task, TRUE);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PvEnablePlan *self = PV_ENABLE_PLAN (object);
  GTask *task = G_TASK (result);
  Resolve *r;

  /* A pass that was overtaken by a change leaves no trace. */
  if (!g_task_propagate_boolean (task, NULL) ||
      g_task_get_cancellable (task) != self->resolve_cancellable)
    return;

  g_clear_object (&self->resolve_cancellable);
  /* The task keeps its data until it is finalized: take it over. */
  r = g_new0 (Resolve, 1);
  *r = *(Resolve *) g_task_get_task_data (task);
  memset (g_task_get_task_data (task), 0, sizeof *r);
  if (r->fresh != NULL)
    {
      guint n_problems = r->n_problems;

      apply_rebuilt (self, r);
      drop_later (r, (GDestroyNotify) resolve_free);
      finish_resolve (self, n_problems);
      return;
    }

  self->applying = r;
  self->apply_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, apply_slice_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->apply_id),
                            "[provisio] apply addresses");
}

static void
cancel_resolve (PvEnablePlan *self)
{
  self->generation++;
  if (self->resolve_cancellable != NULL)
    {
      g_cancellable_cancel (self->resolve_cancellable);
      g_clear_object (&self->resolve_cancellable);
    }
  if (self->apply_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (NULL, self->apply_id);

      /* From an entry's handler, within the slice: the slice drops the
       * pass when it sees it was overtaken. */
      if (source != NULL && g_main_current_source () == source)
        g_steal_pointer (&self->applying);
      g_source_remove (self->apply_id);
      self->apply_id = 0;
    }
  if (self->applying != NULL)
    drop_later (g_steal_pointer (&self->applying), (GDestroyNotify) resolve_free);
}

static Resolve *
resolve_new (PvEnablePlan *self)
{
  Resolve *r = g_new0 (Resolve, 1);
  guint n = self->users->len;
  gboolean rebuild = self->entries_stale || self->entries->items->len != n;
  GHashTableIter iter;
  gpointer key, value;

  /* Keep the entry objects when the selection is the same, so that rows
   * bound to them only see the properties that moved. */
  for (guint i = 0; !rebuild && i < n; i++)
    rebuild = pv_enable_entry_get_user (g_ptr_array_index (self->entries->items, i)) !=
              g_ptr_array_index (self->users, i);

  r->users = g_ptr_array_ref (self->users);
  self->users_shared = TRUE;
  if (!rebuild)
    {
      r->entries = g_ptr_array_ref (self->entries->items);
      self->entries->shared = TRUE;
    }
  r->format = self->format;
  r->domain = g_strdup (self->domain);
  r->domains = update_engine_domains (self);
  r->existing = g_ptr_array_ref (self->existing);
  r->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_hash_table_iter_init (&iter, self->overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (r->overrides, g_strdup (key), g_strdup (value));

  return r;
}

static void
resolve_addresses (PvEnablePlan *self)
{
  g_autoptr(GTask) task = NULL;
  Resolve *r;

  cancel_resolve (self);
  r = resolve_new (self);

  if (self->thread_threshold == G_MAXUINT || r->users->len < self->thread_threshold)
    {
      guint n_problems;
      guint generation = self->generation;

      resolve_run (r, NULL);
      if (r->fresh != NULL)
        apply_rebuilt (self, r);
      else
        apply_results (self, r, 0);
      n_problems = r->n_problems;
      resolve_free (r);
      /* An entry's handler changed the plan: the pass it started is the
       * one that counts. */
      if (self->generation == generation)
        finish_resolve (self, n_problems);
      return;
    }

  self->resolve_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->resolve_cancellable, resolved_cb, NULL);
  g_task_set_source_tag (task, resolve_addresses);
  g_task_set_task_data (task, r, (GDestroyNotify) resolve_free);
  /* A result that is not wanted any more is dropped, not returned. */
  g_task_set_return_on_cancel (task, FALSE);
  set_resolving (self, TRUE);
  g_task_run_in_thread (task, resolve_thread);
  /* The pages say that addresses are being worked out. */
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
recompute (PvEnablePlan *self)
{
  if (self->deferred)
    {
      cancel_resolve (self);
      set_resolving (self, FALSE);
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

/**
 * pv_enable_plan_set_thread_threshold:
 * @n_people: the size of selection from which addresses are worked out
 *   in a worker thread; %G_MAXUINT (the default) for never
 *
 * Below it, a pass costs less than a frame and is done at once, so that
 * a small selection never shows a "working" state.
 */
void
pv_enable_plan_set_thread_threshold (PvEnablePlan *self,
                                     guint         n_people)
{
  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  self->thread_threshold = n_people;
}

/**
 * pv_enable_plan_get_resolving:
 *
 * Returns: whether addresses are being worked out in a thread, or applied
 *   to the entries: until then they and the count of problems are those
 *   of an earlier pass (or of none)
 */
gboolean
pv_enable_plan_get_resolving (PvEnablePlan *self)
{
  g_return_val_if_fail (PV_IS_ENABLE_PLAN (self), FALSE);

  return self->resolving;
}

/**
 * pv_enable_plan_flush:
 *
 * Brings the addresses up to date now, on this thread, whether a pass is
 * under way or the plan was deferred: for a caller about to read them
 * all (the run).
 */
void
pv_enable_plan_flush (PvEnablePlan *self)
{
  guint threshold;

  g_return_if_fail (PV_IS_ENABLE_PLAN (self));

  if (!self->resolving && !self->stale)
    return;

  threshold = self->thread_threshold;
  self->thread_threshold = G_MAXUINT;
  self->stale = FALSE;
  resolve_addresses (self);
  self->thread_threshold = threshold;
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
  g_ptr_array_unref (self->users);
  self->users = g_ptr_array_new_with_free_func (g_object_unref);
  self->users_shared = FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (self->selection); i++)
    g_ptr_array_add (self->users, g_list_model_get_item (self->selection, i));
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

  /* A new array rather than a changed one: passes under way share the
   * old one. */
  g_ptr_array_unref (self->existing);
  self->existing = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; addresses != NULL && addresses[i] != NULL; i++)
    g_ptr_array_add (self->existing, g_strdup (addresses[i]));
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
      /* The count of problems is that of an earlier pass until then. */
      if (self->resolving)
        return incomplete (reason,
                           g_strdup (_("The SIP addresses are being worked out; this takes a "
                                       "moment with many people.")));
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
