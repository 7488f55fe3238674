/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pv-iso-codes.h"
#include "pv-numbers-model.h"
#include "pv-search-query.h"
#include "pv-service-calls.h"
#include "pv-service-error.h"
#include "pv-voice-calls.h"
#include "pv-voice-readiness.h"

/* The tenant's phone numbers as Phone Numbers shows them, without a
 * widget: the numbers and what they refer to (operators, people,
 * emergency addresses) with their indexes, the filters and the search,
 * the selected number, and the action under way on it.
 *
 * The selection is a telephone number, not a position: a refilter, a page
 * that arrives or a number replaced by its new state never moves it to
 * another number. After an action the service's new state of the number
 * replaces the old item at its place in the list, and "selected" is
 * notified, so that whatever shows the selection shows that state.
 *
 * It must stay fast with 50 000 numbers: the client reads the pages in a
 * worker thread and splices each into the store at once; checking a
 * number against the search costs a few lookups and no allocation,
 * because the folded search keys belong to the few operators and
 * countries and to the people (folded in the worker thread that reads
 * their page), not to each number; and nothing here walks every number
 * when a page, a lookup list or a filter changes. */

struct _PvNumbersModel
{
  GObject          parent_instance;

  PvServiceClient *client;
  GCancellable    *cancellable;
  GListStore      *numbers;
  GListStore      *operators;
  GListStore      *people;
  GListStore      *addresses;
  GHashTable      *numbers_by_tel;   /* telephone number → PvPhoneNumber, borrowed */
  GHashTable      *people_by_id;     /* id → PvUser, borrowed from people */
  GHashTable      *operators_by_id;  /* id → PvOperator, borrowed */
  GHashTable      *addresses_by_id;  /* id → PvEmergencyAddress, borrowed */
  GHashTable      *operator_keys;    /* id → folded name */
  GHashTable      *country_keys;     /* code → folded name */
  GHashTable      *operators_seen;   /* ids of the numbers' operators */
  GHashTable      *countries_seen;   /* codes of the numbers' countries */
  guint            n_loads;

  char            *query;
  gboolean         query_is_digits;
  int              type_filter;      /* PvNumberType, or -1 */
  char            *operator_filter;
  char            *country_filter;
  PvNumbersShow    show;

  char            *selected;         /* a telephone number */
  char            *activity;         /* what the action under way does */
};

G_DEFINE_FINAL_TYPE (PvNumbersModel, pv_numbers_model, G_TYPE_OBJECT)

G_DEFINE_QUARK (pv-numbers-model-error-quark, pv_numbers_model_error)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_BUSY,
  PROP_ACTIVITY,
  PROP_SELECTED_NUMBER,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_FILTER_CHANGED,
  SIGNAL_CHOICES_CHANGED,
  SIGNAL_LOOKUPS_CHANGED,
  SIGNAL_LOAD_FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- Lookups. --- */

const char *
pv_numbers_country_name (const char *code)
{
  const char *name = code != NULL ? pv_iso_codes_get_country_name (code) : NULL;

  return name != NULL ? name : code;
}

const char *
pv_numbers_person_label (PvUser *person)
{
  const char *name = pv_user_get_display_name (person);

  return name != NULL && *name != '\0' ? name : pv_user_get_user_principal_name (person);
}

static void
index_added (GListModel  *model,
             guint        position,
             guint        added,
             GHashTable  *table,
             const char *(*get_id) (gpointer))
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      /* The store keeps the item alive; the table only borrows it. */
      if (get_id (item) != NULL)
        g_hash_table_insert (table, (gpointer) get_id (item), item);
    }
}

/* --- Search and filters. --- */

static GQuark
search_key_quark (void)
{
  /* g_quark_from_static_string() is thread-safe: the worker thread that
   * reads the people may be the first to ask. */
  return g_quark_from_static_string ("pv-numbers-search-key");
}

/* Case-folded, with and without accents, one spelling a line. */
static char *
fold_for_search (const char *first,
                 const char *second)
{
  GString *key = g_string_new (NULL);

  pv_search_key_append (key, first);
  pv_search_key_append (key, second);
  return g_string_free (key, FALSE);
}

static char *
digits_of (const char *text)
{
  GString *digits = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);
  return g_string_free (digits, FALSE);
}

/* Whether the digits of @text, whatever separates them, contain
 * @digits: the number as typed in any format, without copying it. */
static gboolean
digits_contain (const char *text,
                const char *digits)
{
  for (const char *start = text; start != NULL && *start != '\0'; start++)
    {
      const char *p = start;
      const char *q = digits;

      if (!g_ascii_isdigit (*start))
        continue;
      while (*q != '\0' && *p != '\0')
        {
          if (!g_ascii_isdigit (*p))
            p++;
          else if (*p == *q)
            {
              p++;
              q++;
            }
          else
            break;
        }
      if (*q == '\0')
        return TRUE;
    }
  return FALSE;
}

static const char *
country_key (PvNumbersModel *self,
             const char     *code)
{
  char *key;

  if (code == NULL)
    return NULL;
  key = g_hash_table_lookup (self->country_keys, code);
  if (key == NULL)
    {
      /* A handful of countries: folded the first time one is searched. */
      key = fold_for_search (pv_numbers_country_name (code), NULL);
      g_hash_table_insert (self->country_keys, g_strdup (code), key);
    }
  return key;
}

static gboolean
text_matches (PvNumbersModel *self,
              PvPhoneNumber  *number)
{
  PvUser *person = pv_numbers_model_get_person_of (self, number);
  const char *operator_id = pv_phone_number_get_operator_id (number);
  const char *key;

  key = person != NULL ? g_object_get_qdata (G_OBJECT (person), search_key_quark ()) : NULL;
  if (person != NULL && key == NULL)
    {
      /* Someone added without parse_person() (a caller filling the
       * list itself): folded once, the first time a search asks. */
      key = fold_for_search (pv_user_get_display_name (person), pv_user_get_user_principal_name (person));
      g_object_set_qdata_full (G_OBJECT (person), search_key_quark (), (gpointer) key, g_free);
    }
  if (key != NULL && strstr (key, self->query) != NULL)
    return TRUE;
  key = operator_id != NULL ? g_hash_table_lookup (self->operator_keys, operator_id) : NULL;
  if (key != NULL && strstr (key, self->query) != NULL)
    return TRUE;
  key = country_key (self, pv_phone_number_get_country_code (number));
  return key != NULL && strstr (key, self->query) != NULL;
}

/**
 * pv_numbers_model_matches:
 *
 * Returns: whether the filters and the search let @number through
 */
gboolean
pv_numbers_model_matches (PvNumbersModel *self,
                          PvPhoneNumber  *number)
{
  PvNumberStatus status = pv_phone_number_get_status (number);

  if (self->type_filter >= 0 && (int) pv_phone_number_get_number_type (number) != self->type_filter)
    return FALSE;
  if (self->operator_filter != NULL &&
      g_strcmp0 (pv_phone_number_get_operator_id (number), self->operator_filter) != 0)
    return FALSE;
  if (self->country_filter != NULL &&
      g_strcmp0 (pv_phone_number_get_country_code (number), self->country_filter) != 0)
    return FALSE;

  switch (self->show)
    {
    case PV_NUMBERS_SHOW_ASSIGNED:
      if (status != PV_NUMBER_STATUS_ASSIGNED)
        return FALSE;
      break;
    case PV_NUMBERS_SHOW_NOT_ASSIGNED:
      if (status == PV_NUMBER_STATUS_ASSIGNED)
        return FALSE;
      break;
    case PV_NUMBERS_SHOW_UNASSIGNED:
      if (status != PV_NUMBER_STATUS_UNASSIGNED)
        return FALSE;
      break;
    case PV_NUMBERS_SHOW_PENDING:
      if (status != PV_NUMBER_STATUS_PENDING)
        return FALSE;
      break;
    case PV_NUMBERS_SHOW_ANY:
    default:
      break;
    }

  if (self->query != NULL)
    {
      /* Digits are looked for in the number only, so that "33" does not
       * match every person whose address has 33 in it. */
      if (self->query_is_digits)
        return digits_contain (pv_phone_number_get_telephone_number (number), self->query);
      return text_matches (self, number);
    }

  return TRUE;
}

static void
filter_changed (PvNumbersModel  *self,
                PvNumbersChange  change)
{
  g_signal_emit (self, signals[SIGNAL_FILTER_CHANGED], 0, (guint) change);
}

/**
 * pv_numbers_model_set_search:
 *
 * Looks for @text: digits (with spaces, dashes, dots, brackets or a plus)
 * in the numbers, words in the people's names and addresses, the
 * operators and the countries.
 */
void
pv_numbers_model_set_search (PvNumbersModel *self,
                             const char     *text)
{
  g_autofree char *old = NULL;
  gboolean was_digits;
  gboolean digits_only = TRUE;
  gboolean any_digit = FALSE;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));

  old = g_steal_pointer (&self->query);
  was_digits = self->query_is_digits;
  if (text == NULL)
    text = "";

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        any_digit = TRUE;
      else if (!strchr (" +-.()", *p))
        digits_only = FALSE;
    }

  if (digits_only && any_digit)
    {
      self->query = digits_of (text);
      self->query_is_digits = TRUE;
    }
  else
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped != '\0')
        {
          g_autofree char *folded = g_utf8_casefold (stripped, -1);

          self->query = g_str_to_ascii (folded, NULL);
          /* The key holds both spellings; searching the accented one
           * with an accented query is enough when the folded text is
           * not pure ASCII. */
          if (!g_str_is_ascii (folded))
            {
              g_free (self->query);
              self->query = g_steal_pointer (&folded);
            }
        }
      self->query_is_digits = FALSE;
    }

  if (g_strcmp0 (old, self->query) == 0 && was_digits == self->query_is_digits)
    return;
  if (self->query != NULL && old != NULL && was_digits == self->query_is_digits &&
      strstr (self->query, old) != NULL)
    filter_changed (self, PV_NUMBERS_CHANGE_MORE_STRICT);
  else if (self->query == NULL || old == NULL || was_digits != self->query_is_digits ||
           strstr (old, self->query) == NULL)
    filter_changed (self, PV_NUMBERS_CHANGE_DIFFERENT);
  else
    filter_changed (self, PV_NUMBERS_CHANGE_LESS_STRICT);
}

/* The statuses each choice of the Status filter shows, as a set, so
 * that a change of choice can say whether it only narrows or widens. */
static guint
show_mask (PvNumbersShow show)
{
  enum { ASSIGNED = 1, UNASSIGNED = 2, PENDING = 4 };

  switch (show)
    {
    case PV_NUMBERS_SHOW_ASSIGNED:
      return ASSIGNED;
    case PV_NUMBERS_SHOW_NOT_ASSIGNED:
      return UNASSIGNED | PENDING;
    case PV_NUMBERS_SHOW_UNASSIGNED:
      return UNASSIGNED;
    case PV_NUMBERS_SHOW_PENDING:
      return PENDING;
    case PV_NUMBERS_SHOW_ANY:
    default:
      return ASSIGNED | UNASSIGNED | PENDING;
    }
}

/* Folds one filter's change into what the whole change is: a set of
 * numbers that only shrinks (@narrower stays TRUE) or only grows
 * (@wider stays TRUE) lets the filter look at fewer numbers. */
static void
weigh_change (guint     old_set,
              guint     new_set,
              gboolean *narrower,
              gboolean *wider)
{
  if (old_set == new_set)
    return;
  if ((new_set & ~old_set) != 0)
    *narrower = FALSE;
  if ((old_set & ~new_set) != 0)
    *wider = FALSE;
}

static guint
type_mask (int type)
{
  return type < 0 ? G_MAXUINT : 1u << type;
}

/* A filter on one value (an operator, a country) as a set:
 * "any" holds every value, a value only itself. */
static void
weigh_value_change (const char *old_value,
                    const char *new_value,
                    gboolean   *narrower,
                    gboolean   *wider)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return;
  if (old_value == NULL)
    *wider = FALSE;
  else if (new_value == NULL)
    *narrower = FALSE;
  else
    *narrower = *wider = FALSE;
}

/**
 * pv_numbers_model_set_filters:
 * @number_type: a #PvNumberType, or -1 for any
 * @operator_id: (nullable): this operator's numbers only
 * @country_code: (nullable): this country's numbers only
 *
 * Sets every filter at once, and says once how the shown set changed.
 */
void
pv_numbers_model_set_filters (PvNumbersModel *self,
                              int             number_type,
                              const char     *operator_id,
                              const char     *country_code,
                              PvNumbersShow   show)
{
  g_autofree char *old_operator = NULL;
  g_autofree char *old_country = NULL;
  int old_type;
  PvNumbersShow old_show;
  gboolean narrower = TRUE;
  gboolean wider = TRUE;
  gboolean new_choice;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));

  old_type = self->type_filter;
  old_show = self->show;
  old_operator = g_steal_pointer (&self->operator_filter);
  old_country = g_steal_pointer (&self->country_filter);
  self->type_filter = number_type < 0 ? -1 : number_type;
  self->operator_filter = g_strdup (operator_id);
  self->country_filter = g_strdup (country_code);
  self->show = show;

  weigh_change (type_mask (old_type), type_mask (self->type_filter), &narrower, &wider);
  weigh_value_change (old_operator, self->operator_filter, &narrower, &wider);
  weigh_value_change (old_country, self->country_filter, &narrower, &wider);
  weigh_change (show_mask (old_show), show_mask (self->show), &narrower, &wider);

  /* A filter set from elsewhere may name what the lists do not offer. */
  new_choice = (operator_id != NULL && !g_hash_table_contains (self->operators_seen, operator_id) &&
                g_strcmp0 (operator_id, old_operator) != 0) ||
               (country_code != NULL && !g_hash_table_contains (self->countries_seen, country_code) &&
                g_strcmp0 (country_code, old_country) != 0);
  if (new_choice)
    g_signal_emit (self, signals[SIGNAL_CHOICES_CHANGED], 0);

  if (narrower && wider)
    return;
  filter_changed (self, narrower ? PV_NUMBERS_CHANGE_MORE_STRICT :
                        wider ? PV_NUMBERS_CHANGE_LESS_STRICT : PV_NUMBERS_CHANGE_DIFFERENT);
}

int
pv_numbers_model_get_type_filter (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), -1);

  return self->type_filter;
}

const char *
pv_numbers_model_get_operator_filter (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->operator_filter;
}

const char *
pv_numbers_model_get_country_filter (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->country_filter;
}

PvNumbersShow
pv_numbers_model_get_show (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), PV_NUMBERS_SHOW_ANY);

  return self->show;
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  const char *code_a = *(const char * const *) a;
  const char *code_b = *(const char * const *) b;

  if (code_a == NULL || code_b == NULL)
    return code_a == NULL ? -1 : 1;
  return g_utf8_collate (pv_numbers_country_name (code_a), pv_numbers_country_name (code_b));
}

static GPtrArray *
choices (GHashTable *seen,
         const char *filter)
{
  GPtrArray *values = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_ptr_array_add (values, NULL);
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (values, g_strdup (key));
  if (filter != NULL && !g_hash_table_contains (seen, filter))
    g_ptr_array_add (values, g_strdup (filter));
  return values;
}

/**
 * pv_numbers_model_get_operator_choices:
 *
 * What the Operator filter offers: %NULL for any operator, then the ids
 * of the numbers' operators and the one the filter is set to.
 *
 * Returns: (transfer full) (element-type utf8): the operators' ids
 */
GPtrArray *
pv_numbers_model_get_operator_choices (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return choices (self->operators_seen, self->operator_filter);
}

/**
 * pv_numbers_model_get_country_choices:
 *
 * What the Country filter offers: %NULL for any country, then the codes
 * of the numbers' countries and the one the filter is set to, in the
 * order of their names.
 *
 * Returns: (transfer full) (element-type utf8): the countries' codes
 */
GPtrArray *
pv_numbers_model_get_country_choices (PvNumbersModel *self)
{
  GPtrArray *values;

  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  values = choices (self->countries_seen, self->country_filter);
  g_ptr_array_sort (values, compare_country_names);
  return values;
}

/* --- The lists as they change. --- */

static void
numbers_changed_cb (GListModel     *numbers,
                    guint           position,
                    guint           removed,
                    guint           added,
                    PvNumbersModel *self)
{
  guint n_operators = g_hash_table_size (self->operators_seen);
  guint n_countries = g_hash_table_size (self->countries_seen);
  gboolean selected_arrived = FALSE;

  /* Numbers leave the store only through this model, which takes them
   * out of the index first; a page only adds. What the Operator and
   * Country lists offer grows with each page: look at the page's numbers
   * only. */
  for (guint i = position; i < position + added; i++)
    {
      PvPhoneNumber *number = g_list_model_get_item (numbers, i);
      const char *tel = pv_phone_number_get_telephone_number (number);
      const char *operator_id = pv_phone_number_get_operator_id (number);
      const char *country = pv_phone_number_get_country_code (number);

      if (tel != NULL)
        {
          g_hash_table_insert (self->numbers_by_tel, (gpointer) tel, number);
          if (self->selected != NULL && strcmp (tel, self->selected) == 0)
            selected_arrived = TRUE;
        }
      if (operator_id != NULL && !g_hash_table_contains (self->operators_seen, operator_id))
        g_hash_table_add (self->operators_seen, g_strdup (operator_id));
      if (country != NULL && !g_hash_table_contains (self->countries_seen, country))
        g_hash_table_add (self->countries_seen, g_strdup (country));
      g_object_unref (number);
    }
  if (n_operators != g_hash_table_size (self->operators_seen) ||
      n_countries != g_hash_table_size (self->countries_seen))
    g_signal_emit (self, signals[SIGNAL_CHOICES_CHANGED], 0);
  if (selected_arrived)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* Runs in the client's worker thread, for each person of a page: the
 * person's search key is folded there, off the main loop, before
 * anything else can see the object. */
static GObject *
parse_person (JsonNode    *node,
              const char  *path,
              GError     **error)
{
  PvUser *person = pv_user_new_from_json (node, path, error);

  if (person != NULL)
    g_object_set_qdata_full (G_OBJECT (person), search_key_quark (),
                             fold_for_search (pv_user_get_display_name (person),
                                              pv_user_get_user_principal_name (person)),
                             g_free);
  return G_OBJECT (person);
}

/* People are indexed a page at a time, as they come. */
static void
people_changed_cb (GListModel     *people,
                   guint           position,
                   guint           removed,
                   guint           added,
                   PvNumbersModel *self)
{
  index_added (people, position, added, self->people_by_id, (const char *(*) (gpointer)) pv_user_get_id);
}

static void
operators_changed_cb (GListModel     *operators,
                      guint           position,
                      guint           removed,
                      guint           added,
                      PvNumbersModel *self)
{
  index_added (operators, position, added, self->operators_by_id,
               (const char *(*) (gpointer)) pv_operator_get_id);
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (operators, i);

      if (pv_operator_get_id (operator_) != NULL)
        g_hash_table_insert (self->operator_keys, g_strdup (pv_operator_get_id (operator_)),
                             fold_for_search (pv_operator_get_name (operator_), NULL));
    }
}

static void
addresses_changed_cb (GListModel     *addresses,
                      guint           position,
                      guint           removed,
                      guint           added,
                      PvNumbersModel *self)
{
  index_added (addresses, position, added, self->addresses_by_id,
               (const char *(*) (gpointer)) pv_emergency_address_get_id);
}

/* --- Loading. --- */

static void
set_loading (PvNumbersModel *self,
             gboolean        started)
{
  gboolean was_loading = self->n_loads > 0;

  if (started)
    self->n_loads++;
  else if (self->n_loads > 0)
    self->n_loads--;

  if (was_loading != (self->n_loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
}

static void
load_failed (PvNumbersModel *self,
             const char     *what,
             const GError   *error)
{
  /* Two sentences: what could not be loaded, and why. */
  g_autofree char *text = g_strconcat (what, " ", error->message, NULL);

  g_signal_emit (self, signals[SIGNAL_LOAD_FAILED], 0, text);
}

/* A lookup list arrived: the names it brings can only make more numbers
 * match a search in words, and the labels that use it change. */
static void
lookups_arrived (PvNumbersModel *self)
{
  g_signal_emit (self, signals[SIGNAL_LOOKUPS_CHANGED], 0);
  if (self->query != NULL && !self->query_is_digits)
    filter_changed (self, PV_NUMBERS_CHANGE_LESS_STRICT);
}

static void
numbers_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvNumbersModel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The phone numbers could not be loaded."), error);
    }
  set_loading (self, FALSE);
}

static void
operators_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvNumbersModel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The operators could not be loaded."), error);
    }
  /* The lists name the operators now. */
  g_signal_emit (self, signals[SIGNAL_CHOICES_CHANGED], 0);
  lookups_arrived (self);
  set_loading (self, FALSE);
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PvNumbersModel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_voice_users_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The people of the directory could not be loaded."), error);
    }
  lookups_arrived (self);
  set_loading (self, FALSE);
}

static void
addresses_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvNumbersModel) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_emergency_addresses_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The emergency addresses could not be loaded."), error);
    }
  g_signal_emit (self, signals[SIGNAL_LOOKUPS_CHANGED], 0);
  set_loading (self, FALSE);
}

static void
reload (PvNumbersModel *self)
{
  PvNumberFilter filter;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->n_loads > 0)
    {
      self->n_loads = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  if (self->activity != NULL)
    {
      g_clear_pointer (&self->activity, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  g_hash_table_remove_all (self->numbers_by_tel);
  g_hash_table_remove_all (self->people_by_id);
  g_hash_table_remove_all (self->operators_by_id);
  g_hash_table_remove_all (self->addresses_by_id);
  g_hash_table_remove_all (self->operator_keys);
  g_hash_table_remove_all (self->operators_seen);
  g_hash_table_remove_all (self->countries_seen);
  g_list_store_remove_all (self->numbers);
  g_list_store_remove_all (self->operators);
  g_list_store_remove_all (self->people);
  g_list_store_remove_all (self->addresses);
  g_signal_emit (self, signals[SIGNAL_CHOICES_CHANGED], 0);
  if (self->selected != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();

  set_loading (self, TRUE);
  pv_service_client_list_operators_async (self->client, NULL, PV_OPERATOR_SERVICE_NONE,
                                          self->operators, self->cancellable,
                                          operators_loaded_cb, g_object_ref (self));
  set_loading (self, TRUE);
  pv_service_client_list_emergency_addresses_async (self->client, self->addresses, self->cancellable,
                                                    addresses_loaded_cb, g_object_ref (self));
  set_loading (self, TRUE);
  pv_service_client_list_voice_users_async (self->client, parse_person, self->people, self->cancellable,
                                            people_loaded_cb, g_object_ref (self));
  set_loading (self, TRUE);
  pv_number_filter_init (&filter);
  pv_service_client_list_numbers_async (self->client, &filter, PV_NUMBERS_PAGE_SIZE, self->numbers,
                                        self->cancellable, numbers_loaded_cb, g_object_ref (self));
}

/* --- The selection. --- */

/**
 * pv_numbers_model_select:
 * @telephone_number: (nullable): the number to select, or %NULL for none
 *
 * Selects a number by its telephone number: it stays selected whatever
 * the filters show, as pages arrive and when its state is replaced.
 */
void
pv_numbers_model_select (PvNumbersModel *self,
                         const char     *telephone_number)
{
  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));

  if (g_strcmp0 (self->selected, telephone_number) == 0)
    return;
  g_free (self->selected);
  self->selected = g_strdup (telephone_number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_NUMBER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

const char *
pv_numbers_model_get_selected_number (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->selected;
}

/**
 * pv_numbers_model_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected number's current
 *   state, or %NULL when none is selected or it is not (yet) loaded
 */
PvPhoneNumber *
pv_numbers_model_get_selected (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->selected != NULL ? g_hash_table_lookup (self->numbers_by_tel, self->selected) : NULL;
}

/* Puts the service's current state of a number at its place in the
 * list, or takes the number out when @updated is %NULL (released). */
static void
replace_number (PvNumbersModel *self,
                const char     *telephone_number,
                PvPhoneNumber  *updated)
{
  PvPhoneNumber *old = g_hash_table_lookup (self->numbers_by_tel, telephone_number);
  guint position;

  if (old == NULL || !g_list_store_find (self->numbers, old, &position))
    return;
  g_hash_table_remove (self->numbers_by_tel, telephone_number);
  if (updated != NULL)
    g_list_store_splice (self->numbers, position, 1, (gpointer *) &updated, 1);
  else
    g_list_store_remove (self->numbers, position);

  if (g_strcmp0 (self->selected, telephone_number) != 0)
    return;
  if (updated == NULL)
    pv_numbers_model_select (self, NULL);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/* --- Actions. --- */

typedef enum
{
  ACTION_ASSIGN,
  ACTION_UNASSIGN,
  ACTION_RELEASE,
  ACTION_SET_ADDRESS,
} Action;

typedef struct
{
  Action        action;
  char         *telephone_number;
  PvNumberType  number_type;
  char         *person;
  gboolean      unassign_first;
} Job;

static void
job_free (Job *job)
{
  g_free (job->telephone_number);
  g_free (job->person);
  g_free (job);
}

static void
set_activity (PvNumbersModel *self,
              char           *activity)
{
  gboolean was_busy = self->activity != NULL;

  g_free (self->activity);
  self->activity = activity;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY]);
  if (was_busy != (activity != NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* The task of an action on @telephone_number, or %NULL when it cannot
 * start (the task has then returned its error). */
static GTask *
start_action (PvNumbersModel      *self,
              Action               action,
              const char          *telephone_number,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data,
              gpointer             source_tag)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  PvPhoneNumber *number = g_hash_table_lookup (self->numbers_by_tel, telephone_number);
  Job *job;

  g_task_set_source_tag (task, source_tag);
  if (self->activity != NULL || self->client == NULL)
    {
      g_task_return_new_error (task, PV_NUMBERS_MODEL_ERROR, PV_NUMBERS_MODEL_ERROR_BUSY,
                               _("Another change is under way. Wait until it is finished, then try again."));
      return NULL;
    }
  if (number == NULL)
    {
      g_task_return_new_error (task, PV_NUMBERS_MODEL_ERROR, PV_NUMBERS_MODEL_ERROR_NOT_FOUND,
                               /* Translators: %s is a phone number. */
                               _("%s is not one of the tenant’s numbers."), telephone_number);
      return NULL;
    }
  job = g_new0 (Job, 1);
  job->action = action;
  job->telephone_number = g_strdup (telephone_number);
  job->number_type = pv_phone_number_get_number_type (number);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  return g_steal_pointer (&task);
}

static void
finish_action (GTask *task,
               char  *message)
{
  PvNumbersModel *self = g_task_get_source_object (task);

  set_activity (self, NULL);
  g_task_return_pointer (task, message, g_free);
}

static void
fail_action (GTask  *task,
             GError *error)
{
  PvNumbersModel *self = g_task_get_source_object (task);

  set_activity (self, NULL);
  g_task_return_error (task, error);
}

static char *
done_message (Job *job)
{
  switch (job->action)
    {
    case ACTION_ASSIGN:
      /* Translators: the first %s is a phone number, the second a person. */
      return g_strdup_printf (_("%s is assigned to %s"), job->telephone_number, job->person);
    case ACTION_UNASSIGN:
      /* Translators: %s is a phone number. */
      return g_strdup_printf (_("%s is no longer assigned"), job->telephone_number);
    case ACTION_SET_ADDRESS:
      /* Translators: %s is a phone number. */
      return g_strdup_printf (_("The emergency address of %s was changed"), job->telephone_number);
    case ACTION_RELEASE:
    default:
      /* Translators: %s is a phone number. */
      return g_strdup_printf (_("%s was released"), job->telephone_number);
    }
}

/* The service answered the change: read the number back, so that the
 * list holds its state as the service has it, not as it was guessed. */
static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;

  number = pv_service_client_get_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (number != NULL)
    replace_number (self, job->telephone_number, number);
  /* The change was made even if it could not be read back. */
  finish_action (task, done_message (job));
}

static void
refresh_number (GTask *task)
{
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  pv_service_client_get_number_async (self->client, job->telephone_number, g_task_get_cancellable (task),
                                      refreshed_cb, task);
}

static void
released_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pv_service_client_release_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      fail_action (task, error);
      return;
    }
  replace_number (self, job->telephone_number, NULL);
  finish_action (task, done_message (job));
}

static void
release (GTask *task)
{
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  /* Translators: %s is a phone number. */
  set_activity (self, g_strdup_printf (_("Releasing %s…"), job->telephone_number));
  pv_service_client_release_number_async (self->client, job->telephone_number, g_task_get_cancellable (task),
                                          released_cb, task);
}

static void
unassigned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (!pv_service_client_unassign_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      fail_action (task, error);
      return;
    }
  if (job->action == ACTION_RELEASE)
    release (g_steal_pointer (&task));
  else
    refresh_number (g_steal_pointer (&task));
}

static void
unassign (GTask *task)
{
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);

  /* Translators: %s is a phone number. */
  set_activity (self, g_strdup_printf (_("Unassigning %s…"), job->telephone_number));
  pv_service_client_unassign_number_async (self->client, job->telephone_number, job->number_type,
                                           g_task_get_cancellable (task), unassigned_cb, task);
}

/**
 * pv_numbers_model_unassign_async:
 *
 * Takes @telephone_number away from its person, then reads its new state
 * back into the list. Finish with pv_numbers_model_action_finish().
 */
void
pv_numbers_model_unassign_async (PvNumbersModel      *self,
                                 const char          *telephone_number,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (telephone_number != NULL);

  task = start_action (self, ACTION_UNASSIGN, telephone_number, cancellable, callback, user_data,
                       pv_numbers_model_unassign_async);
  if (task != NULL)
    unassign (task);
}

/**
 * pv_numbers_model_release_async:
 *
 * Gives @telephone_number back to its operator; an assigned number is
 * unassigned first, since the service refuses to release it otherwise.
 * Finish with pv_numbers_model_action_finish().
 */
void
pv_numbers_model_release_async (PvNumbersModel      *self,
                                const char          *telephone_number,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  PvPhoneNumber *number;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (telephone_number != NULL);

  task = start_action (self, ACTION_RELEASE, telephone_number, cancellable, callback, user_data,
                       pv_numbers_model_release_async);
  if (task == NULL)
    return;
  number = g_hash_table_lookup (self->numbers_by_tel, telephone_number);
  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED)
    unassign (task);
  else
    release (task);
}

/**
 * pv_numbers_check_assignment:
 * @assigned_to: (nullable): the person @number is assigned to, if known
 *
 * What the service would refuse, checked before asking it: the number
 * must be free (or already this person's), and the person ready for a
 * number of its kind (pv_voice_readiness_check()).
 *
 * Returns: (transfer full) (nullable): what is missing and what to do,
 *   or %NULL when the assignment can be asked for
 */
char *
pv_numbers_check_assignment (PvPhoneNumber *number,
                             PvUser        *person,
                             PvUser        *assigned_to)
{
  const char *holder = pv_phone_number_get_assigned_user_id (number);

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_PENDING)
    return g_strdup_printf (/* Translators: %s is a phone number. */
                            _("%s is still pending with its operator. Wait until the operator has "
                              "finished the order, then assign it."),
                            pv_phone_number_get_telephone_number (number));
  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED &&
      g_strcmp0 (holder, pv_user_get_id (person)) != 0)
    return g_strdup_printf (/* Translators: the first %s is a phone number, the second a person. */
                            _("%s is already assigned to %s. Unassign it first, then assign it again."),
                            pv_phone_number_get_telephone_number (number),
                            assigned_to != NULL ? pv_numbers_person_label (assigned_to) : holder);

  return pv_voice_readiness_dup_reason (person, pv_phone_number_get_number_type (number));
}

/**
 * pv_numbers_model_check_assignment:
 *
 * pv_numbers_check_assignment() on the current state of @telephone_number.
 *
 * Returns: (transfer full) (nullable): what is missing and what to do,
 *   or %NULL when the assignment can be asked for
 */
char *
pv_numbers_model_check_assignment (PvNumbersModel *self,
                                   const char     *telephone_number,
                                   PvUser         *person)
{
  PvPhoneNumber *number;

  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);
  g_return_val_if_fail (PV_IS_USER (person), NULL);

  number = g_hash_table_lookup (self->numbers_by_tel, telephone_number);
  if (number == NULL)
    /* Translators: %s is a phone number. */
    return g_strdup_printf (_("%s is not one of the tenant’s numbers."), telephone_number);
  return pv_numbers_check_assignment (number, person, pv_numbers_model_get_person_of (self, number));
}

static void
assigned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!pv_service_client_assign_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      fail_action (task, error);
      return;
    }
  refresh_number (g_steal_pointer (&task));
}

/**
 * pv_numbers_model_assign_async:
 *
 * Assigns @telephone_number to @person, keeping its emergency address;
 * what pv_numbers_check_assignment() foresees the service refusing fails
 * with %PV_NUMBERS_MODEL_ERROR_REFUSED without calling it. Finish with
 * pv_numbers_model_action_finish().
 */
void
pv_numbers_model_assign_async (PvNumbersModel      *self,
                               const char          *telephone_number,
                               PvUser              *person,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;
  Job *job;
  PvPhoneNumber *number;
  g_autofree char *problem = NULL;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (telephone_number != NULL);
  g_return_if_fail (PV_IS_USER (person));

  task = start_action (self, ACTION_ASSIGN, telephone_number, cancellable, callback, user_data,
                       pv_numbers_model_assign_async);
  if (task == NULL)
    return;
  job = g_task_get_task_data (task);
  number = g_hash_table_lookup (self->numbers_by_tel, telephone_number);
  problem = pv_numbers_check_assignment (number, person, pv_numbers_model_get_person_of (self, number));
  if (problem != NULL)
    {
      g_task_return_new_error (task, PV_NUMBERS_MODEL_ERROR, PV_NUMBERS_MODEL_ERROR_REFUSED, "%s", problem);
      g_object_unref (task);
      return;
    }

  job->person = g_strdup (pv_numbers_person_label (person));
  /* Translators: the first %s is a phone number, the second a person. */
  set_activity (self, g_strdup_printf (_("Assigning %s to %s…"), job->telephone_number, job->person));
  pv_service_client_assign_number_async (self->client, job->telephone_number, pv_user_get_id (person),
                                         job->number_type, pv_phone_number_get_emergency_location_id (number),
                                         cancellable, assigned_cb, task);
}

static void
address_updated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PvNumbersModel *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  g_autoptr(PvPhoneNumber) number = NULL;
  GError *error = NULL;

  number = pv_service_client_update_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  if (number == NULL)
    {
      fail_action (task, error);
      return;
    }
  replace_number (self, job->telephone_number, number);
  finish_action (task, done_message (job));
}

/**
 * pv_numbers_model_set_address_async:
 *
 * Gives @telephone_number the emergency address @address_id. Finish with
 * pv_numbers_model_action_finish().
 */
void
pv_numbers_model_set_address_async (PvNumbersModel      *self,
                                    const char          *telephone_number,
                                    const char          *address_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  Job *job;

  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (telephone_number != NULL);
  g_return_if_fail (address_id != NULL);

  task = start_action (self, ACTION_SET_ADDRESS, telephone_number, cancellable, callback, user_data,
                       pv_numbers_model_set_address_async);
  if (task == NULL)
    return;
  job = g_task_get_task_data (task);
  /* Translators: %s is a phone number. */
  set_activity (self, g_strdup_printf (_("Changing the emergency address of %s…"), job->telephone_number));
  pv_service_client_update_number_async (self->client, job->telephone_number, address_id, cancellable,
                                         address_updated_cb, task);
}

/**
 * pv_numbers_model_action_finish:
 *
 * Returns: (transfer full) (nullable): what was done, in a sentence, or
 *   %NULL with @error set
 */
char *
pv_numbers_model_action_finish (PvNumbersModel  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  gpointer tag;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  tag = g_task_get_source_tag (G_TASK (result));
  g_return_val_if_fail (tag == pv_numbers_model_assign_async || tag == pv_numbers_model_unassign_async ||
                        tag == pv_numbers_model_release_async || tag == pv_numbers_model_set_address_async,
                        NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* --- The object. --- */

static void
pv_numbers_model_dispose (GObject *object)
{
  PvNumbersModel *self = PV_NUMBERS_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pv_numbers_model_parent_class)->dispose (object);
}

static void
pv_numbers_model_finalize (GObject *object)
{
  PvNumbersModel *self = PV_NUMBERS_MODEL (object);

  g_hash_table_unref (self->numbers_by_tel);
  g_hash_table_unref (self->people_by_id);
  g_hash_table_unref (self->operators_by_id);
  g_hash_table_unref (self->addresses_by_id);
  g_hash_table_unref (self->operator_keys);
  g_hash_table_unref (self->country_keys);
  g_hash_table_unref (self->operators_seen);
  g_hash_table_unref (self->countries_seen);
  g_clear_object (&self->numbers);
  g_clear_object (&self->operators);
  g_clear_object (&self->people);
  g_clear_object (&self->addresses);
  g_free (self->query);
  g_free (self->operator_filter);
  g_free (self->country_filter);
  g_free (self->selected);
  g_free (self->activity);

  G_OBJECT_CLASS (pv_numbers_model_parent_class)->finalize (object);
}

static void
pv_numbers_model_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PvNumbersModel *self = PV_NUMBERS_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loads > 0);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->activity != NULL);
      break;
    case PROP_ACTIVITY:
      g_value_set_string (value, self->activity);
      break;
    case PROP_SELECTED_NUMBER:
      g_value_set_string (value, self->selected);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, pv_numbers_model_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_numbers_model_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PvNumbersModel *self = PV_NUMBERS_MODEL (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      pv_numbers_model_set_client (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_NUMBER:
      pv_numbers_model_select (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_numbers_model_class_init (PvNumbersModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pv_numbers_model_dispose;
  object_class->finalize = pv_numbers_model_finalize;
  object_class->get_property = pv_numbers_model_get_property;
  object_class->set_property = pv_numbers_model_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PV_TYPE_SERVICE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* What the action under way does, in a sentence. */
  properties[PROP_ACTIVITY] =
    g_param_spec_string ("activity", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_NUMBER] =
    g_param_spec_string ("selected-number", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The selected number's current state: notified when it is replaced. */
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, PV_TYPE_PHONE_NUMBER,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* How the set the filters let through changed (a #PvNumbersChange). */
  signals[SIGNAL_FILTER_CHANGED] =
    g_signal_new ("filter-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
  /* What the Operator and Country filters offer, or the operators' names, changed. */
  signals[SIGNAL_CHOICES_CHANGED] =
    g_signal_new ("choices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* Operators, people or addresses arrived: what numbers refer to has names now. */
  signals[SIGNAL_LOOKUPS_CHANGED] =
    g_signal_new ("lookups-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /* A list could not be loaded: what, and why, in two sentences. */
  signals[SIGNAL_LOAD_FAILED] =
    g_signal_new ("load-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
pv_numbers_model_init (PvNumbersModel *self)
{
  self->numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  self->operators = g_list_store_new (PV_TYPE_OPERATOR);
  self->people = g_list_store_new (PV_TYPE_USER);
  self->addresses = g_list_store_new (PV_TYPE_EMERGENCY_ADDRESS);
  self->numbers_by_tel = g_hash_table_new (g_str_hash, g_str_equal);
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->operators_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->addresses_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->operator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->operators_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->countries_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->type_filter = -1;

  g_signal_connect_object (self->numbers, "items-changed", G_CALLBACK (numbers_changed_cb), self, 0);
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (people_changed_cb), self, 0);
  g_signal_connect_object (self->operators, "items-changed", G_CALLBACK (operators_changed_cb), self, 0);
  g_signal_connect_object (self->addresses, "items-changed", G_CALLBACK (addresses_changed_cb), self, 0);
}

PvNumbersModel *
pv_numbers_model_new (void)
{
  return g_object_new (PV_TYPE_NUMBERS_MODEL, NULL);
}

/**
 * pv_numbers_model_set_client:
 *
 * Loads the tenant's numbers (and the operators, people and emergency
 * addresses they refer to) from @client's service.
 */
void
pv_numbers_model_set_client (PvNumbersModel  *self,
                             PvServiceClient *client)
{
  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (client == NULL || PV_IS_SERVICE_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

PvServiceClient *
pv_numbers_model_get_client (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->client;
}

gboolean
pv_numbers_model_get_loading (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), FALSE);

  return self->n_loads > 0;
}

gboolean
pv_numbers_model_get_busy (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), FALSE);

  return self->activity != NULL;
}

const char *
pv_numbers_model_get_activity (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return self->activity;
}

GListModel *
pv_numbers_model_get_numbers (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return G_LIST_MODEL (self->numbers);
}

GListModel *
pv_numbers_model_get_operators (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return G_LIST_MODEL (self->operators);
}

GListModel *
pv_numbers_model_get_people (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
pv_numbers_model_get_addresses (PvNumbersModel *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return G_LIST_MODEL (self->addresses);
}

/**
 * pv_numbers_model_add_address:
 *
 * Adds an emergency address just created on the service.
 */
void
pv_numbers_model_add_address (PvNumbersModel     *self,
                              PvEmergencyAddress *address)
{
  g_return_if_fail (PV_IS_NUMBERS_MODEL (self));
  g_return_if_fail (PV_IS_EMERGENCY_ADDRESS (address));

  g_list_store_append (self->addresses, address);
}

/**
 * pv_numbers_model_lookup:
 *
 * Returns: (transfer none) (nullable): the current state of @telephone_number
 */
PvPhoneNumber *
pv_numbers_model_lookup (PvNumbersModel *self,
                         const char     *telephone_number)
{
  g_return_val_if_fail (PV_IS_NUMBERS_MODEL (self), NULL);

  return telephone_number != NULL ? g_hash_table_lookup (self->numbers_by_tel, telephone_number) : NULL;
}

/**
 * pv_numbers_model_get_person_of:
 *
 * Returns: (transfer none) (nullable): whom @number is assigned to, if
 *   the directory has that person
 */
PvUser *
pv_numbers_model_get_person_of (PvNumbersModel *self,
                                PvPhoneNumber  *number)
{
  const char *id = pv_phone_number_get_assigned_user_id (number);

  return id != NULL ? g_hash_table_lookup (self->people_by_id, id) : NULL;
}

PvOperator *
pv_numbers_model_get_operator_of (PvNumbersModel *self,
                                  PvPhoneNumber  *number)
{
  const char *id = pv_phone_number_get_operator_id (number);

  return id != NULL ? g_hash_table_lookup (self->operators_by_id, id) : NULL;
}

PvEmergencyAddress *
pv_numbers_model_get_address_of (PvNumbersModel *self,
                                 PvPhoneNumber  *number)
{
  const char *id = pv_phone_number_get_emergency_location_id (number);

  return id != NULL ? g_hash_table_lookup (self->addresses_by_id, id) : NULL;
}

/**
 * pv_numbers_model_get_operator_name:
 *
 * Returns: (nullable): the operator's name, or its id until the
 *   operators are loaded
 */
const char *
pv_numbers_model_get_operator_name (PvNumbersModel *self,
                                    const char     *operator_id)
{
  PvOperator *operator_ = operator_id != NULL ? g_hash_table_lookup (self->operators_by_id, operator_id) : NULL;

  return operator_ != NULL ? pv_operator_get_name (operator_) : operator_id;
}
