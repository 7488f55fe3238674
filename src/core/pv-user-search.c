/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "pv-search-query.h"
#include "pv-user-search.h"

/* The people of a directory that a search shows, as a list model: what
 * the Select users page puts in its column view, smooth with a hundred
 * thousand people.
 *
 * - Each person's search key (name, e-mail and UPN, case-folded, with and
 *   without accents) is made once, in a worker thread, as the directory's
 *   pages arrive; matching is then a strstr() over it.
 * - A change of text or kind is worked out in slices of a few
 *   milliseconds, over the people shown when the search only narrows
 *   (one more letter) and over everyone otherwise, while the list keeps
 *   showing the previous result; the new one replaces it in a single
 *   items-changed, spanning only what differs.  (GtkFilterListModel,
 *   filtering incrementally, first empties the list on a narrowing
 *   change and fills it again slice by slice, which makes the list view
 *   drop and rebuild its rows on every keystroke.)
 * - People whose key is not made yet match no text: they are added when
 *   it arrives. */

typedef struct
{
  PvUser  *user;
  char    *key;          /* NULL until indexed; set on the main thread */
  gboolean enabled;
  gboolean synchronised;
} Person;

static void
person_clear (gpointer data)
{
  Person *person = data;

  g_clear_object (&person->user);
  g_clear_pointer (&person->key, g_free);
}

static void
person_release (gpointer data)
{
  g_atomic_rc_box_release_full (data, person_clear);
}

typedef struct
{
  GArray *scan;          /* positions to look at; NULL for all of them */
  guint   n_scan;
  guint   cursor;
  GArray *result;
} Job;

struct _PvUserSearch
{
  GObject     parent_instance;

  GListModel *directory;
  GPtrArray  *people;    /* Person *, parallel to the directory */
  guint       n_unindexed;
  guint       layout;    /* changes at each change but an append */
  GArray     *matches;   /* guint positions in people, shown */

  char             *text;
  PvSearchQuery     query;
  PvUserSearchKind  kind;
  /* What the matches were made for. */
  char             *shown_query;
  PvUserSearchKind  shown_kind;

  Job        *job;
  guint       job_id;
  GCancellable *cancellable;
};

static void pv_user_search_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PvUserSearch, pv_user_search, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, pv_user_search_model_init))

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A slice of a job: long enough to be worth it, short enough that frames
 * keep coming. */
#define JOB_SLICE_USEC 4000

static GType
pv_user_search_get_item_type (GListModel *model)
{
  return PV_TYPE_USER;
}

static guint
pv_user_search_get_n_items (GListModel *model)
{
  return PV_USER_SEARCH (model)->matches->len;
}

static gpointer
pv_user_search_get_item (GListModel *model,
                         guint       position)
{
  PvUserSearch *self = PV_USER_SEARCH (model);
  Person *person;

  if (position >= self->matches->len)
    return NULL;
  person = g_ptr_array_index (self->people, g_array_index (self->matches, guint, position));
  return g_object_ref (person->user);
}

static void
pv_user_search_model_init (GListModelInterface *iface)
{
  iface->get_item_type = pv_user_search_get_item_type;
  iface->get_n_items = pv_user_search_get_n_items;
  iface->get_item = pv_user_search_get_item;
}

/* Name, e-mail and UPN, so that "cagri" finds Çağrı. */
static char *
make_key (PvUser *user)
{
  GString *key = g_string_new (NULL);

  pv_search_key_append (key, pv_user_get_display_name (user));
  pv_search_key_append (key, pv_user_get_mail (user));
  pv_search_key_append (key, pv_user_get_user_principal_name (user));
  return g_string_free (key, FALSE);
}

static gboolean
person_matches (PvUserSearch *self,
                const Person *person)
{
  switch (self->kind)
    {
    case PV_USER_SEARCH_NOT_ENABLED:
      if (person->enabled)
        return FALSE;
      break;
    case PV_USER_SEARCH_ENABLED:
      if (!person->enabled)
        return FALSE;
      break;
    case PV_USER_SEARCH_SYNCHRONISED:
      if (!person->synchronised)
        return FALSE;
      break;
    case PV_USER_SEARCH_CLOUD_ONLY:
      if (person->synchronised)
        return FALSE;
      break;
    case PV_USER_SEARCH_EVERYONE:
    default:
      break;
    }

  if (self->query.folded == NULL)
    return TRUE;
  if (person->key == NULL)
    return FALSE;
  /* Not pv_search_query_matches(): the key holds both spellings, folded
   * once in a thread, rather than folding each name at each keystroke. */
  return strstr (person->key, self->query.folded) != NULL ||
         (self->query.ascii != NULL && strstr (person->key, self->query.ascii) != NULL);
}

guint
pv_user_search_get_pending (PvUserSearch *self)
{
  guint pending = 0;

  g_return_val_if_fail (PV_IS_USER_SEARCH (self), 0);

  if (self->job != NULL)
    pending += self->job->n_scan - self->job->cursor;
  if (self->query.folded != NULL)
    pending += self->n_unindexed;
  return pending;
}

static void
notify_pending (PvUserSearch *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

/* Shows @result (taken) in place of the matches, in one change that spans
 * only what differs, so that rows of people still shown are kept. */
static void
replace_matches (PvUserSearch *self,
                 GArray       *result)
{
  GArray *old = self->matches;
  guint n_old = old->len, n_new = result->len;
  guint prefix = 0, suffix = 0;
  const guint *a = (const guint *) (gpointer) old->data;
  const guint *b = (const guint *) (gpointer) result->data;

  while (prefix < n_old && prefix < n_new && a[prefix] == b[prefix])
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         a[n_old - 1 - suffix] == b[n_new - 1 - suffix])
    suffix++;

  self->matches = result;
  g_array_unref (old);
  if (n_old - prefix - suffix > 0 || n_new - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, n_old - prefix - suffix, n_new - prefix - suffix);
}

static void
job_free (Job *job)
{
  g_clear_pointer (&job->scan, g_array_unref);
  g_clear_pointer (&job->result, g_array_unref);
  g_free (job);
}

static void
stop_job (PvUserSearch *self)
{
  g_clear_handle_id (&self->job_id, g_source_remove);
  g_clear_pointer (&self->job, job_free);
}

/* Returns: whether the job is done */
static gboolean
run_job (PvUserSearch *self,
         gint64        deadline)
{
  Job *job = self->job;

  while (job->cursor < job->n_scan)
    {
      guint position = job->scan != NULL ? g_array_index (job->scan, guint, job->cursor) : job->cursor;

      if (person_matches (self, g_ptr_array_index (self->people, position)))
        g_array_append_val (job->result, position);
      job->cursor++;
      if (job->cursor % 1024 == 0 && g_get_monotonic_time () >= deadline)
        return job->cursor == job->n_scan;
    }
  return TRUE;
}

static void
finish_job (PvUserSearch *self)
{
  GArray *result = g_steal_pointer (&self->job->result);

  stop_job (self);
  g_free (self->shown_query);
  self->shown_query = g_strdup (self->query.folded);
  self->shown_kind = self->kind;
  replace_matches (self, result);
  notify_pending (self);
}

static gboolean
job_slice_cb (gpointer user_data)
{
  PvUserSearch *self = user_data;

  if (!run_job (self, g_get_monotonic_time () + JOB_SLICE_USEC))
    {
      notify_pending (self);
      return G_SOURCE_CONTINUE;
    }

  self->job_id = 0;
  finish_job (self);
  return G_SOURCE_REMOVE;
}

/* Whoever matches the search now, among everyone or, when it only
 * narrows what is shown, among the people shown. */
static void
start_job (PvUserSearch *self,
           gboolean      narrowing)
{
  Job *job = g_new0 (Job, 1);

  stop_job (self);
  if (narrowing)
    {
      job->scan = g_array_ref (self->matches);
      job->n_scan = self->matches->len;
    }
  else
    job->n_scan = self->people->len;
  job->result = g_array_sized_new (FALSE, FALSE, sizeof (guint), narrowing ? job->n_scan : 1024);
  self->job = job;

  /* A first slice at once: a small directory is searched before the
   * next frame. */
  if (run_job (self, g_get_monotonic_time () + JOB_SLICE_USEC))
    {
      finish_job (self);
      return;
    }
  self->job_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, job_slice_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->job_id), "[provisio] user search");
  notify_pending (self);
}

static gboolean
kind_narrows (PvUserSearchKind from,
              PvUserSearchKind to)
{
  return from == to || from == PV_USER_SEARCH_EVERYONE;
}

static void
refilter (PvUserSearch *self)
{
  /* The matches are for shown_query and shown_kind, whatever job was
   * under way: narrowing is judged against them. */
  gboolean narrowing = kind_narrows (self->shown_kind, self->kind) &&
                       (self->shown_query == NULL ||
                        (self->query.folded != NULL &&
                         strstr (self->query.folded, self->shown_query) != NULL));

  start_job (self, narrowing);
}

/* --- Indexing, in a worker thread. --- */

typedef struct
{
  GPtrArray *people;     /* Person *, each holding a reference */
  GPtrArray *keys;       /* char *, made by the thread */
  guint      position;   /* of the first, when it was launched */
  guint      layout;
} Batch;

static void
batch_free (Batch *batch)
{
  g_clear_pointer (&batch->people, g_ptr_array_unref);
  g_clear_pointer (&batch->keys, g_ptr_array_unref);
  g_free (batch);
}

static void
index_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Batch *batch = task_data;

  /* The people's fields do not change once they are in the directory;
   * only their keys are written, and on the main thread. */
  batch->keys = g_ptr_array_new_full (batch->people->len, g_free);
  for (guint i = 0; i < batch->people->len; i++)
    g_ptr_array_add (batch->keys, make_key (((Person *) g_ptr_array_index (batch->people, i))->user));
  g_task_return_boolean (task, TRUE);
}

static guint
lower_bound (GArray *positions,
             guint   value)
{
  guint lo = 0, hi = positions->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (positions, guint, mid) < value)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static void
indexed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  PvUserSearch *self;
  Batch *batch = g_task_get_task_data (G_TASK (result));
  g_autoptr(GArray) found = NULL;
  gboolean in_place;

  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    return;
  self = PV_USER_SEARCH (object);

  /* Still where they were (the directory was only appended to since)? */
  in_place = batch->layout == self->layout &&
             batch->position + batch->people->len <= self->people->len &&
             (batch->people->len == 0 ||
              g_ptr_array_index (self->people, batch->position) == g_ptr_array_index (batch->people, 0));

  for (guint i = 0; i < batch->people->len; i++)
    {
      Person *person = g_ptr_array_index (batch->people, i);

      if (person->key == NULL && person->user != NULL)
        {
          person->key = g_steal_pointer (&batch->keys->pdata[i]);
          /* A person no longer in the directory was not counted. */
          if (in_place)
            self->n_unindexed--;
        }
    }

  if (!in_place)
    {
      /* Rare (the directory was reloaded meanwhile): count again. */
      self->n_unindexed = 0;
      for (guint i = 0; i < self->people->len; i++)
        if (((Person *) g_ptr_array_index (self->people, i))->key == NULL)
          self->n_unindexed++;
    }

  /* Without text, keys change nothing to what is shown. */
  if (self->query.folded == NULL && self->shown_query == NULL)
    {
      notify_pending (self);
      return;
    }

  if (self->job != NULL || !in_place)
    {
      refilter (self);
      return;
    }

  /* The people just indexed who match join the list where they belong. */
  found = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < batch->people->len; i++)
    if (person_matches (self, g_ptr_array_index (batch->people, i)))
      {
        guint position = batch->position + i;
        g_array_append_val (found, position);
      }
  if (found->len > 0)
    {
      guint at = lower_bound (self->matches, batch->position);

      g_array_insert_vals (self->matches, at, found->data, found->len);
      g_list_model_items_changed (G_LIST_MODEL (self), at, 0, found->len);
    }
  notify_pending (self);
}

static void
index_people (PvUserSearch *self,
              guint         position,
              guint         n)
{
  g_autoptr(GTask) task = NULL;
  Batch *batch;

  if (n == 0)
    return;

  batch = g_new0 (Batch, 1);
  batch->people = g_ptr_array_new_full (n, person_release);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (batch->people, g_atomic_rc_box_acquire (g_ptr_array_index (self->people, position + i)));
  batch->position = position;
  batch->layout = self->layout;

  task = g_task_new (self, self->cancellable, indexed_cb, NULL);
  g_task_set_source_tag (task, index_people);
  g_task_set_task_data (task, batch, (GDestroyNotify) batch_free);
  g_task_run_in_thread (task, index_thread);
}

static void
directory_changed_cb (GListModel   *directory,
                      guint         position,
                      guint         removed,
                      guint         added,
                      PvUserSearch *self)
{
  gboolean append = position == self->people->len && removed == 0;
  guint n_before = self->matches->len;

  for (guint i = 0; i < removed; i++)
    if (((Person *) g_ptr_array_index (self->people, position + i))->key == NULL)
      self->n_unindexed--;
  g_ptr_array_remove_range (self->people, position, removed);
  for (guint i = 0; i < added; i++)
    {
      Person *person = g_atomic_rc_box_new0 (Person);

      person->user = g_list_model_get_item (directory, position + i);
      person->enabled = pv_user_get_sip_address (person->user) != NULL &&
                        *pv_user_get_sip_address (person->user) != '\0';
      person->synchronised = pv_user_get_on_premises_sync_enabled (person->user);
      g_ptr_array_insert (self->people, position + i, person);
    }
  self->n_unindexed += added;
  if (!append)
    self->layout++;
  index_people (self, position, added);

  if (!append)
    {
      /* The positions moved: look at everyone again, from nothing. */
      stop_job (self);
      g_array_set_size (self->matches, 0);
      if (n_before > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, 0);
      g_clear_pointer (&self->shown_query, g_free);
      self->shown_kind = PV_USER_SEARCH_EVERYONE;
      start_job (self, FALSE);
      return;
    }

  /* A job under way looks at the newcomers too, after the others: they
   * come after them in the list. */
  if (self->job != NULL)
    {
      Job *job = self->job;

      if (job->scan == NULL)
        job->n_scan = self->people->len;
      else
        {
          if (job->scan == self->matches)
            {
              GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (guint), job->scan->len + added);

              g_array_append_vals (copy, job->scan->data, job->scan->len);
              g_array_unref (job->scan);
              job->scan = copy;
            }
          for (guint i = 0; i < added; i++)
            {
              guint p = position + i;
              g_array_append_val (job->scan, p);
            }
          job->n_scan = job->scan->len;
        }
      notify_pending (self);
      return;
    }

  /* A page more of the directory: those who match go at the end. */
  for (guint i = 0; i < added; i++)
    if (person_matches (self, g_ptr_array_index (self->people, position + i)))
      {
        guint p = position + i;
        g_array_append_val (self->matches, p);
      }
  if (self->matches->len > n_before)
    g_list_model_items_changed (G_LIST_MODEL (self), n_before, 0, self->matches->len - n_before);
  notify_pending (self);
}

static void
pv_user_search_dispose (GObject *object)
{
  PvUserSearch *self = PV_USER_SEARCH (object);

  g_cancellable_cancel (self->cancellable);
  stop_job (self);
  if (self->directory != NULL)
    g_signal_handlers_disconnect_by_func (self->directory, directory_changed_cb, self);
  g_clear_object (&self->directory);

  G_OBJECT_CLASS (pv_user_search_parent_class)->dispose (object);
}

static void
pv_user_search_finalize (GObject *object)
{
  PvUserSearch *self = PV_USER_SEARCH (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);
  g_clear_pointer (&self->text, g_free);
  pv_search_query_clear (&self->query);
  g_clear_pointer (&self->shown_query, g_free);

  G_OBJECT_CLASS (pv_user_search_parent_class)->finalize (object);
}

static void
pv_user_search_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PvUserSearch *self = PV_USER_SEARCH (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_uint (value, pv_user_search_get_pending (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_user_search_class_init (PvUserSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pv_user_search_dispose;
  object_class->finalize = pv_user_search_finalize;
  object_class->get_property = pv_user_search_get_property;

  /* People not yet looked at for the current search, or whose search
   * key is still being made while there is text: 0 once the list shows
   * the result (the name GtkFilterListModel gives it). */
  properties[PROP_PENDING] =
    g_param_spec_uint ("pending", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pv_user_search_init (PvUserSearch *self)
{
  self->people = g_ptr_array_new_with_free_func (person_release);
  self->matches = g_array_new (FALSE, FALSE, sizeof (guint));
  self->cancellable = g_cancellable_new ();
}

/**
 * pv_user_search_new:
 * @directory: a list of #PvUser, which the search follows
 */
PvUserSearch *
pv_user_search_new (GListModel *directory)
{
  PvUserSearch *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (directory), NULL);

  self = g_object_new (PV_TYPE_USER_SEARCH, NULL);
  self->directory = g_object_ref (directory);
  g_signal_connect (directory, "items-changed", G_CALLBACK (directory_changed_cb), self);
  directory_changed_cb (directory, 0, 0, g_list_model_get_n_items (directory), self);
  return self;
}

/**
 * pv_user_search_set_text:
 * @text: (nullable): what was typed; matched, without regard to case or
 *   accents, within the name, e-mail address or UPN
 */
void
pv_user_search_set_text (PvUserSearch *self,
                         const char   *text)
{
  g_return_if_fail (PV_IS_USER_SEARCH (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);

  pv_search_query_set_text (&self->query, text);
  refilter (self);
}

const char *
pv_user_search_get_text (PvUserSearch *self)
{
  g_return_val_if_fail (PV_IS_USER_SEARCH (self), NULL);

  return self->text;
}

void
pv_user_search_set_kind (PvUserSearch     *self,
                         PvUserSearchKind  kind)
{
  g_return_if_fail (PV_IS_USER_SEARCH (self));
  g_return_if_fail (kind <= PV_USER_SEARCH_CLOUD_ONLY);

  if (self->kind == kind)
    return;
  self->kind = kind;
  refilter (self);
}

PvUserSearchKind
pv_user_search_get_kind (PvUserSearch *self)
{
  g_return_val_if_fail (PV_IS_USER_SEARCH (self), PV_USER_SEARCH_EVERYONE);

  return self->kind;
}
