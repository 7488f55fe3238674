/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-address-dialog.h"
#include "pv-emergency-address.h"
#include "pv-iso-codes.h"
#include "pv-manage-util.h"
#include "pv-numbers-view.h"
#include "pv-operator.h"
#include "pv-person-chooser.h"
#include "pv-search-query.h"
#include "pv-service-calls.h"
#include "pv-service-error.h"
#include "pv-tenant-operator.h"
#include "pv-voice-calls.h"
#include "pv-voice-readiness.h"

/* Phone numbers: every number of the tenant, loaded a page at a time,
 * searched and filtered, and the actions on the one selected. It must
 * stay smooth with 50 000 numbers: the client reads the pages in a worker
 * thread and splices each into the store at once; one recycling column
 * view over a filter model that filters incrementally; checking a number
 * against the search costs a few lookups and no allocation, because the
 * folded search keys belong to the few operators and countries and to the
 * people (folded in the worker thread that reads their page), not to each
 * number; and nothing on the main loop walks every number in one go when
 * a page arrives, a lookup list arrives, or a filter changes. */

/* Where an operator's contact is found: the catalogue has no contact of
 * its own, the vendor's directory lists each operator's site. */
#define OPERATOR_DIRECTORY_URL "https://cloudpartners.transform.microsoft.com/practices/microsoft-365-for-operators/directory"

enum
{
  COLUMN_NUMBER,
  COLUMN_TYPE,
  COLUMN_OPERATOR,
  COLUMN_COUNTRY,
  COLUMN_STATUS,
  COLUMN_PERSON,
  COLUMN_ADDRESS,
  N_COLUMNS
};

struct _PvNumbersView
{
  GtkWidget           parent_instance;

  PvServiceClient    *client;
  GCancellable       *cancellable;
  GListStore         *numbers;
  GListStore         *operators;
  GListStore         *people;
  GListStore         *addresses;
  GHashTable         *people_by_id;     /* id → PvUser, borrowed from people */
  GHashTable         *operators_by_id;  /* id → PvOperator, borrowed */
  GHashTable         *addresses_by_id;  /* id → PvEmergencyAddress, borrowed */
  GHashTable         *operator_keys;    /* id → folded name */
  GHashTable         *country_keys;     /* code → folded name */
  GHashTable         *operators_seen;   /* ids of the numbers' operators */
  GHashTable         *countries_seen;   /* codes of the numbers' countries */
  GHashTable         *bound_cells;      /* GtkListItem on screen → its column + 1 */
  guint               n_loads;
  gboolean            busy;
  gint64              load_started;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;
  gboolean            query_is_digits;
  int                 type_filter;      /* PvNumberType, or -1 */
  char               *operator_filter;
  char               *country_filter;
  PvNumbersShow       show;
  GPtrArray          *operator_choices; /* ids, [0] NULL for any */
  GPtrArray          *country_choices;  /* codes, [0] NULL for any */
  gboolean            updating;
  char               *reselect;         /* a number to select once filtered */

  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *operator_dropdown;
  GtkDropDown        *country_dropdown;
  GtkDropDown        *status_dropdown;
  GtkFlowBox         *filters_box;
  GtkFlowBox         *actions_box;
  GtkColumnView      *column_view;
  GtkSpinner         *loading_spinner;
  GtkLabel           *count_label;
  GtkSpinner         *busy_spinner;
  GtkLabel           *selection_label;
};

G_DEFINE_FINAL_TYPE (PvNumbersView, pv_numbers_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOADING,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (PvNumbersView *self);
static void update_count (PvNumbersView *self);

/* --- Lookups. --- */

static PvUser *
person_of (PvNumbersView *self,
           PvPhoneNumber *number)
{
  const char *id = pv_phone_number_get_assigned_user_id (number);

  return id != NULL ? g_hash_table_lookup (self->people_by_id, id) : NULL;
}

static PvOperator *
operator_of (PvNumbersView *self,
             PvPhoneNumber *number)
{
  const char *id = pv_phone_number_get_operator_id (number);

  return id != NULL ? g_hash_table_lookup (self->operators_by_id, id) : NULL;
}

static const char *
operator_name (PvNumbersView *self,
               const char    *id)
{
  PvOperator *operator_ = id != NULL ? g_hash_table_lookup (self->operators_by_id, id) : NULL;

  return operator_ != NULL ? pv_operator_get_name (operator_) : id;
}

static const char *
country_name (const char *code)
{
  const char *name = code != NULL ? pv_iso_codes_get_country_name (code) : NULL;

  return name != NULL ? name : code;
}

static const char *
person_label (PvUser *person)
{
  const char *name = pv_user_get_display_name (person);

  return name != NULL && *name != '\0' ? name : pv_user_get_user_principal_name (person);
}

static PvEmergencyAddress *
address_of (PvNumbersView *self,
            PvPhoneNumber *number)
{
  const char *id = pv_phone_number_get_emergency_location_id (number);

  return id != NULL ? g_hash_table_lookup (self->addresses_by_id, id) : NULL;
}

static void
index_store (GListModel *model,
             GHashTable *table,
             const char *(*get_id) (gpointer))
{
  g_hash_table_remove_all (table);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
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
country_key (PvNumbersView *self,
             const char    *code)
{
  char *key;

  if (code == NULL)
    return NULL;
  key = g_hash_table_lookup (self->country_keys, code);
  if (key == NULL)
    {
      /* A handful of countries: folded the first time one is searched. */
      key = fold_for_search (country_name (code), NULL);
      g_hash_table_insert (self->country_keys, g_strdup (code), key);
    }
  return key;
}

static gboolean
text_matches (PvNumbersView *self,
              PvPhoneNumber *number)
{
  PvUser *person = person_of (self, number);
  const char *operator_id = pv_phone_number_get_operator_id (number);
  const char *key;

  key = person != NULL ? g_object_get_qdata (G_OBJECT (person), search_key_quark ()) : NULL;
  if (key != NULL && strstr (key, self->query) != NULL)
    return TRUE;
  key = operator_id != NULL ? g_hash_table_lookup (self->operator_keys, operator_id) : NULL;
  if (key != NULL && strstr (key, self->query) != NULL)
    return TRUE;
  key = country_key (self, pv_phone_number_get_country_code (number));
  return key != NULL && strstr (key, self->query) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PvNumbersView *self = user_data;
  PvPhoneNumber *number = item;
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
refilter (PvNumbersView   *self,
          GtkFilterChange  change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  update_count (self);
}

static void
search_changed_cb (PvNumbersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *old = g_steal_pointer (&self->query);
  gboolean was_digits = self->query_is_digits;
  gboolean digits_only = TRUE;
  gboolean any_digit = FALSE;

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

  if (self->query != NULL && old != NULL && was_digits == self->query_is_digits &&
      strstr (self->query, old) != NULL)
    refilter (self, GTK_FILTER_CHANGE_MORE_STRICT);
  else if (self->query == NULL || old == NULL || was_digits != self->query_is_digits ||
           strstr (old, self->query) == NULL)
    refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
  else
    refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
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
 * (@wider stays TRUE) lets the filter model look at fewer numbers. */
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

static void
dropdowns_changed_cb (PvNumbersView *self)
{
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint operator_ = gtk_drop_down_get_selected (self->operator_dropdown);
  guint country = gtk_drop_down_get_selected (self->country_dropdown);
  guint show = gtk_drop_down_get_selected (self->status_dropdown);
  g_autofree char *old_operator = NULL;
  g_autofree char *old_country = NULL;
  int old_type = self->type_filter;
  PvNumbersShow old_show = self->show;
  gboolean narrower = TRUE;
  gboolean wider = TRUE;

  if (self->updating)
    return;

  old_operator = g_steal_pointer (&self->operator_filter);
  old_country = g_steal_pointer (&self->country_filter);

  self->type_filter = type == 0 || type == GTK_INVALID_LIST_POSITION ? -1 : (int) type - 1;
  self->operator_filter = operator_ < self->operator_choices->len ?
                          g_strdup (g_ptr_array_index (self->operator_choices, operator_)) : NULL;
  self->country_filter = country < self->country_choices->len ?
                         g_strdup (g_ptr_array_index (self->country_choices, country)) : NULL;
  self->show = show == GTK_INVALID_LIST_POSITION ? PV_NUMBERS_SHOW_ANY : (PvNumbersShow) show;

  weigh_change (type_mask (old_type), type_mask (self->type_filter), &narrower, &wider);
  weigh_value_change (old_operator, self->operator_filter, &narrower, &wider);
  weigh_value_change (old_country, self->country_filter, &narrower, &wider);
  weigh_change (show_mask (old_show), show_mask (self->show), &narrower, &wider);

  if (narrower && wider)
    return;
  refilter (self, narrower ? GTK_FILTER_CHANGE_MORE_STRICT :
                  wider ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_DIFFERENT);
}

static int
compare_country_names (gconstpointer a,
                       gconstpointer b)
{
  const char *code_a = *(const char * const *) a;
  const char *code_b = *(const char * const *) b;

  if (code_a == NULL || code_b == NULL)
    return code_a == NULL ? -1 : 1;
  return g_utf8_collate (country_name (code_a), country_name (code_b));
}

static void
select_choice (GtkDropDown *dropdown,
               GPtrArray   *choices,
               const char  *value)
{
  for (guint i = 0; i < choices->len; i++)
    if (g_strcmp0 (g_ptr_array_index (choices, i), value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (dropdown, 0);
}

/* The Operator and Country lists offer what the tenant has: its
 * operators, and the countries of its numbers and operators, plus
 * whatever a filter was set to from elsewhere. */
static void
rebuild_choices (PvNumbersView *self)
{
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) operators = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GtkStringList) operator_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) country_names = gtk_string_list_new (NULL);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->countries_seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (countries, key);
  g_hash_table_iter_init (&iter, self->operators_seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (operators, key);
  if (self->operator_filter != NULL)
    g_hash_table_add (operators, self->operator_filter);
  if (self->country_filter != NULL)
    g_hash_table_add (countries, self->country_filter);

  self->updating = TRUE;

  g_ptr_array_set_size (self->operator_choices, 0);
  g_ptr_array_add (self->operator_choices, NULL);
  g_hash_table_iter_init (&iter, operators);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->operator_choices, g_strdup (key));
  gtk_string_list_append (operator_names, _("Any Operator"));
  for (guint i = 1; i < self->operator_choices->len; i++)
    gtk_string_list_append (operator_names, operator_name (self, g_ptr_array_index (self->operator_choices, i)));
  gtk_drop_down_set_model (self->operator_dropdown, G_LIST_MODEL (operator_names));
  select_choice (self->operator_dropdown, self->operator_choices, self->operator_filter);

  g_ptr_array_set_size (self->country_choices, 0);
  g_ptr_array_add (self->country_choices, NULL);
  g_hash_table_iter_init (&iter, countries);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (self->country_choices, g_strdup (key));
  g_ptr_array_sort (self->country_choices, compare_country_names);
  gtk_string_list_append (country_names, _("Any Country"));
  for (guint i = 1; i < self->country_choices->len; i++)
    gtk_string_list_append (country_names, country_name (g_ptr_array_index (self->country_choices, i)));
  gtk_drop_down_set_model (self->country_dropdown, G_LIST_MODEL (country_names));
  select_choice (self->country_dropdown, self->country_choices, self->country_filter);

  self->updating = FALSE;
}

/* --- The list. --- */

static void
update_count (PvNumbersView *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->numbers));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;
  gboolean loading = self->n_loads > 0;

  if (loading)
    /* Translators: shown while the list fills; %u is how many numbers
     * came so far. */
    text = g_strdup_printf (ngettext ("Loading phone numbers… %u so far",
                                      "Loading phone numbers… %u so far", total), total);
  else if (shown == total)
    text = g_strdup_printf (ngettext ("%u phone number", "%u phone numbers", total), total);
  else
    /* Translators: the first %u is how many numbers the search and the
     * filters show, the second how many the tenant has. */
    text = g_strdup_printf (ngettext ("%u of %u phone number shown", "%u of %u phone numbers shown",
                                      total), shown, total);

  gtk_label_set_text (self->count_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
}

static const char *
status_label (PvPhoneNumber *number)
{
  switch (pv_phone_number_get_status (number))
    {
    case PV_NUMBER_STATUS_ASSIGNED:
      return C_("number status", "Assigned");
    case PV_NUMBER_STATUS_PENDING:
      return C_("number status", "Pending");
    case PV_NUMBER_STATUS_UNASSIGNED:
    default:
      return C_("number status", "Unassigned");
    }
}

/* The number, and whom it is assigned to or its status: what the line
 * under the list says of the selected number, and what a screen reader
 * says of a row. */
static char *
describe_number (PvNumbersView *self,
                 PvPhoneNumber *number)
{
  PvUser *person = person_of (self, number);

  if (person != NULL)
    /* Translators: the first %s is a phone number, the second a person. */
    return g_strdup_printf (_("%s, assigned to %s"), pv_phone_number_get_telephone_number (number),
                            person_label (person));
  /* Translators: the first %s is a phone number, the second its status. */
  return g_strdup_printf (_("%s, %s"), pv_phone_number_get_telephone_number (number), status_label (number));
}

static char *
cell_text (PvNumbersView *self,
           PvPhoneNumber *number,
           guint          column)
{
  switch (column)
    {
    case COLUMN_NUMBER:
      return g_strdup (pv_phone_number_get_telephone_number (number));
    case COLUMN_TYPE:
      return g_strdup (pv_enum_get_label (PV_TYPE_NUMBER_TYPE, pv_phone_number_get_number_type (number)));
    case COLUMN_OPERATOR:
      return g_strdup (operator_name (self, pv_phone_number_get_operator_id (number)));
    case COLUMN_COUNTRY:
      return g_strdup (country_name (pv_phone_number_get_country_code (number)));
    case COLUMN_STATUS:
      return g_strdup (status_label (number));
    case COLUMN_PERSON:
      {
        PvUser *person = person_of (self, number);

        if (person != NULL)
          return g_strdup (person_label (person));
        return g_strdup (pv_phone_number_get_assigned_user_id (number));
      }
    case COLUMN_ADDRESS:
      {
        PvEmergencyAddress *address = address_of (self, number);

        if (address != NULL)
          return g_strdup (pv_emergency_address_get_description (address));
        return NULL;
      }
    default:
      g_assert_not_reached ();
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Names may be long, and seven columns do not fit a narrow window:
   * these may shorten, down to a few characters, rather than push the
   * last column out of sight. The selected number is written out in
   * full below the list, and screen readers read the whole text. */
  if (column == COLUMN_OPERATOR || column == COLUMN_PERSON || column == COLUMN_ADDRESS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
    }
  gtk_list_item_set_child (item, label);
}

/* No tooltip: the columns are as wide as their text, and setting one at
 * each bind costs a round trip to the X server per cell (the pointer's
 * position), which was a fifth of the main loop's time while loading. */
static void
set_cell (PvNumbersView *self,
          GtkListItem   *item,
          guint          column)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, gtk_list_item_get_item (item), column);

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");

  /* GTK 4.8 names a column view's rows after their type
   * ("GtkListItemWidget"): the number's cell names its row (the row is
   * the cell's parent) for screen readers. */
  if (column == COLUMN_NUMBER && gtk_widget_get_parent (label) != NULL &&
      gtk_widget_get_parent (gtk_widget_get_parent (label)) != NULL)
    {
      g_autofree char *name = describe_number (self, gtk_list_item_get_item (item));

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (gtk_widget_get_parent (label))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
    }
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PvNumbersView            *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "pv-column"));

  set_cell (self, item, column);
  g_hash_table_insert (self->bound_cells, item, GUINT_TO_POINTER (column + 1));
}

static void
unbind_cell_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                PvNumbersView            *self)
{
  g_hash_table_remove (self->bound_cells, item);
}

static void
add_column (PvNumbersView *self,
            guint          column,
            const char    *title,
            int            fixed_width,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "pv-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* The labels of the rows on screen use lookups (operators, people,
 * addresses) that may arrive after the numbers: write those again once
 * they do, and only those, rather than rebinding the whole view. */
static void
refresh_cells (PvNumbersView *self)
{
  GHashTableIter iter;
  gpointer item, column;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &item, &column))
    set_cell (self, item, GPOINTER_TO_UINT (column) - 1);
}

/* What the Operator and Country lists offer grows with each page: look
 * at the page's numbers only, and rebuild the lists when one is new. */
static void
numbers_changed_cb (GListModel    *numbers,
                    guint          position,
                    guint          removed,
                    guint          added,
                    PvNumbersView *self)
{
  guint n_operators = g_hash_table_size (self->operators_seen);
  guint n_countries = g_hash_table_size (self->countries_seen);

  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (numbers, i);
      const char *operator_id = pv_phone_number_get_operator_id (number);
      const char *country = pv_phone_number_get_country_code (number);

      if (operator_id != NULL && !g_hash_table_contains (self->operators_seen, operator_id))
        g_hash_table_add (self->operators_seen, g_strdup (operator_id));
      if (country != NULL && !g_hash_table_contains (self->countries_seen, country))
        g_hash_table_add (self->countries_seen, g_strdup (country));
    }
  if (n_operators != g_hash_table_size (self->operators_seen) ||
      n_countries != g_hash_table_size (self->countries_seen))
    rebuild_choices (self);
}

/* --- Loading. --- */

static void
set_loading (PvNumbersView *self,
             gboolean       started)
{
  gboolean was_loading = self->n_loads > 0;

  if (started)
    self->n_loads++;
  else if (self->n_loads > 0)
    self->n_loads--;

  if (was_loading != (self->n_loads > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  update_count (self);
}

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
         g_error_matches (error, PV_SERVICE_ERROR, PV_SERVICE_ERROR_CANCELLED);
}

static void
load_failed (PvNumbersView *self,
             const char    *what,
             const GError  *error)
{
  /* Two sentences: what could not be loaded, and why. */
  g_autofree char *text = g_strconcat (what, " ", error->message, NULL);
  AdwToast *toast = adw_toast_new (text);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
numbers_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_numbers_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The phone numbers could not be loaded."), error);
    }
  set_loading (self, FALSE);
  update_actions (self);
}

static void
operators_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_operators_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The operators could not be loaded."), error);
    }
  index_store (G_LIST_MODEL (self->operators), self->operators_by_id,
               (const char *(*) (gpointer)) pv_operator_get_id);
  g_hash_table_remove_all (self->operator_keys);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->operators)); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (G_LIST_MODEL (self->operators), i);

      if (pv_operator_get_id (operator_) != NULL)
        g_hash_table_insert (self->operator_keys, g_strdup (pv_operator_get_id (operator_)),
                             fold_for_search (pv_operator_get_name (operator_), NULL));
    }
  rebuild_choices (self);
  refresh_cells (self);
  /* Operators' names can only make more numbers match a search. */
  if (self->query != NULL && !self->query_is_digits)
    refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
  set_loading (self, FALSE);
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
people_changed_cb (GListModel    *people,
                   guint          position,
                   guint          removed,
                   guint          added,
                   PvNumbersView *self)
{
  for (guint i = position; i < position + added; i++)
    {
      PvUser *person = g_list_model_get_item (people, i);

      /* The store keeps the person alive; the table only borrows it. */
      if (pv_user_get_id (person) != NULL)
        g_hash_table_insert (self->people_by_id, (gpointer) pv_user_get_id (person), person);
      g_object_unref (person);
    }
}

static void
people_loaded_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_voice_users_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The people of the directory could not be loaded."), error);
    }
  refresh_cells (self);
  /* People's names can only make more numbers match a search. */
  if (self->query != NULL && !self->query_is_digits)
    refilter (self, GTK_FILTER_CHANGE_LESS_STRICT);
  set_loading (self, FALSE);
  update_actions (self);
}

static void
addresses_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PvNumbersView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_list_emergency_addresses_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (is_cancelled (error))
        return;
      load_failed (self, _("The emergency addresses could not be loaded."), error);
    }
  index_store (G_LIST_MODEL (self->addresses), self->addresses_by_id,
               (const char *(*) (gpointer)) pv_emergency_address_get_id);
  refresh_cells (self);
  set_loading (self, FALSE);
}

static void
reload (PvNumbersView *self)
{
  PvNumberFilter filter;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->n_loads > 0)
    {
      self->n_loads = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
    }
  g_list_store_remove_all (self->numbers);
  g_list_store_remove_all (self->operators);
  g_list_store_remove_all (self->people);
  g_list_store_remove_all (self->addresses);
  g_hash_table_remove_all (self->people_by_id);
  g_hash_table_remove_all (self->operators_by_id);
  g_hash_table_remove_all (self->addresses_by_id);
  g_hash_table_remove_all (self->operator_keys);
  g_hash_table_remove_all (self->operators_seen);
  g_hash_table_remove_all (self->countries_seen);
  rebuild_choices (self);
  if (self->client == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();

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

/* --- Actions. --- */

static void
update_actions (PvNumbersView *self)
{
  PvPhoneNumber *number = gtk_single_selection_get_selected_item (self->selection);
  gboolean idle = !self->busy && self->client != NULL;
  gboolean people_ready = idle && g_hash_table_size (self->people_by_id) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.assign", number != NULL && people_ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.unassign", number != NULL && idle &&
                                 pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.release", number != NULL && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.emergency-address", number != NULL && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "numbers.new-address", idle);

  if (self->busy)
    return;
  if (number == NULL)
    gtk_label_set_text (self->selection_label, _("Select a number to act on it."));
  else
    {
      g_autofree char *text = describe_number (self, number);

      gtk_label_set_text (self->selection_label, text);
    }
}

static void
set_busy (PvNumbersView *self,
          const char    *what)
{
  gboolean busy = what != NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->busy_spinner), busy);
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  if (busy)
    gtk_label_set_text (self->selection_label, what);
  if (self->busy != busy)
    {
      self->busy = busy;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
  update_actions (self);
}

static void
toast (PvNumbersView *self,
       const char    *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static GtkWindow *
parent_window (PvNumbersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_failure (PvNumbersView *self,
              const char    *heading,
              const GError  *error)
{
  pv_manage_show_message (parent_window (self), heading, error->message);
}

/* Puts the service's current state of @number in the list. */
static void
replace_number (PvNumbersView *self,
                const char    *telephone_number,
                PvPhoneNumber *updated)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->numbers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (G_LIST_MODEL (self->numbers), i);

      if (g_strcmp0 (pv_phone_number_get_telephone_number (number), telephone_number) == 0)
        {
          if (updated != NULL)
            g_list_store_splice (self->numbers, i, 1, (gpointer *) &updated, 1);
          else
            g_list_store_remove (self->numbers, i);
          break;
        }
    }
  /* The replaced number is a new object: select it again, once the
   * filter has seen it. */
  if (updated != NULL && !pv_numbers_view_select (self, telephone_number))
    {
      g_free (self->reselect);
      self->reselect = g_strdup (telephone_number);
    }
  update_count (self);
  update_actions (self);
}

typedef struct
{
  PvNumbersView *self;
  char          *telephone_number;
  PvNumberType   number_type;
  char          *person;
  char          *done_message;
  char          *failure_heading;
  gboolean       then_release;
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->self);
  g_free (job->telephone_number);
  g_free (job->person);
  g_free (job->done_message);
  g_free (job->failure_heading);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (PvNumbersView *self,
         PvPhoneNumber *number)
{
  Job *job = g_new0 (Job, 1);

  job->self = g_object_ref (self);
  job->telephone_number = g_strdup (pv_phone_number_get_telephone_number (number));
  job->number_type = pv_phone_number_get_number_type (number);
  return job;
}

static void
refreshed_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;

  number = pv_service_client_get_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  set_busy (job->self, NULL);
  if (number != NULL)
    replace_number (job->self, job->telephone_number, number);
  if (job->done_message != NULL)
    toast (job->self, job->done_message);
}

static void
refresh_number (Job *job)
{
  pv_service_client_get_number_async (job->self->client, job->telephone_number, job->self->cancellable,
                                      refreshed_cb, job);
}

static void
released_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  set_busy (job->self, NULL);
  if (!pv_service_client_release_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      if (!is_cancelled (error))
        show_failure (job->self, _("The Number Was Not Released"), error);
      return;
    }
  replace_number (job->self, job->telephone_number, NULL);
  /* Translators: %s is a phone number. */
  text = g_strdup_printf (_("%s was released"), job->telephone_number);
  toast (job->self, text);
}

static void
release (Job *job)
{
  /* Translators: %s is a phone number. */
  g_autofree char *what = g_strdup_printf (_("Releasing %s…"), job->telephone_number);

  set_busy (job->self, what);
  pv_service_client_release_number_async (job->self->client, job->telephone_number, job->self->cancellable,
                                          released_cb, job);
}

static void
unassigned_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_unassign_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      set_busy (job->self, NULL);
      if (!is_cancelled (error))
        show_failure (job->self, job->then_release ? _("The Number Was Not Released") :
                                                     _("The Number Was Not Unassigned"), error);
      job_free (job);
      return;
    }
  if (job->then_release)
    {
      release (job);
      return;
    }
  /* Translators: %s is a phone number. */
  job->done_message = g_strdup_printf (_("%s is no longer assigned"), job->telephone_number);
  refresh_number (job);
}

static void
unassign (Job *job)
{
  /* Translators: %s is a phone number. */
  g_autofree char *what = g_strdup_printf (_("Unassigning %s…"), job->telephone_number);

  set_busy (job->self, what);
  pv_service_client_unassign_number_async (job->self->client, job->telephone_number, job->number_type,
                                           job->self->cancellable, unassigned_cb, job);
}

static void
unassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = gtk_single_selection_get_selected_item (self->selection);

  if (number != NULL)
    unassign (job_new (self, number));
}

static void
release_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Job *job = user_data;

  if (g_strcmp0 (response, "release") != 0)
    {
      job_free (job);
      return;
    }
  if (job->then_release)
    unassign (job);
  else
    release (job);
}

static void
release_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *body = NULL;
  const char *tel;
  PvUser *person;
  GtkWidget *dialog;
  Job *job;

  if (number == NULL)
    return;
  tel = pv_phone_number_get_telephone_number (number);
  person = person_of (self, number);
  job = job_new (self, number);

  if (pv_phone_number_get_status (number) == PV_NUMBER_STATUS_ASSIGNED)
    {
      /* The service refuses to release an assigned number: the two steps
       * the admin center asks for, in order, after one confirmation. */
      job->then_release = TRUE;
      body = g_strdup_printf (/* Translators: the first %s is a phone number, the second a person. */
                              _("%s is assigned to %s. A number must be unassigned before it is "
                                "released: Provisio will unassign it, then release it. The person "
                                "can no longer be called on it, and the number leaves the tenant; "
                                "to have it again, order it from the operator."),
                              tel, person != NULL ? person_label (person) : pv_phone_number_get_assigned_user_id (number));
      dialog = adw_message_dialog_new (parent_window (self), _("Unassign and Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Unassign and Release"),
                                        NULL);
    }
  else
    {
      body = g_strdup_printf (/* Translators: %s is a phone number. */
                              _("%s leaves the tenant. To have it again, order it from the operator."),
                              tel);
      dialog = adw_message_dialog_new (parent_window (self), _("Release the Number?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "release", _("_Release"),
                                        NULL);
    }
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "release",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (release_response_cb), job);
  gtk_window_present (GTK_WINDOW (dialog));
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
                            assigned_to != NULL ? person_label (assigned_to) : holder);

  return pv_voice_readiness_dup_reason (person, pv_phone_number_get_number_type (number));
}

static void
assigned_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;
  g_autoptr(GError) error = NULL;

  if (!pv_service_client_assign_number_finish (PV_SERVICE_CLIENT (object), result, &error))
    {
      set_busy (job->self, NULL);
      if (!is_cancelled (error))
        show_failure (job->self, _("The Number Was Not Assigned"), error);
      job_free (job);
      return;
    }
  /* Translators: the first %s is a phone number, the second a person. */
  job->done_message = g_strdup_printf (_("%s is assigned to %s"), job->telephone_number, job->person);
  refresh_number (job);
}

/**
 * pv_numbers_view_assign_to:
 *
 * Assigns the selected number to @person, what the person chooser does
 * on Assign; a refusal the checks foresee is explained without calling
 * the service.
 */
void
pv_numbers_view_assign_to (PvNumbersView *self,
                           PvUser        *person)
{
  PvPhoneNumber *number;
  g_autofree char *problem = NULL;
  g_autofree char *what = NULL;
  PvEmergencyAddress *address;
  Job *job;

  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));
  g_return_if_fail (PV_IS_USER (person));

  number = gtk_single_selection_get_selected_item (self->selection);
  if (number == NULL || self->busy)
    return;

  problem = pv_numbers_check_assignment (number, person, person_of (self, number));
  if (problem != NULL)
    {
      pv_manage_show_message (parent_window (self), _("This Number Cannot Be Assigned Yet"), problem);
      return;
    }

  job = job_new (self, number);
  job->person = g_strdup (person_label (person));
  /* Translators: the first %s is a phone number, the second a person. */
  what = g_strdup_printf (_("Assigning %s to %s…"), job->telephone_number, job->person);
  set_busy (self, what);
  address = address_of (self, number);
  pv_service_client_assign_number_async (self->client, job->telephone_number, pv_user_get_id (person),
                                         job->number_type,
                                         address != NULL ? pv_emergency_address_get_id (address) : NULL,
                                         self->cancellable, assigned_cb, job);
}

static void
person_chosen_cb (PvNumbersView *self,
                  PvUser        *person)
{
  pv_numbers_view_assign_to (self, person);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = gtk_single_selection_get_selected_item (self->selection);
  GtkWidget *chooser;

  if (number == NULL)
    return;
  chooser = pv_person_chooser_new (parent_window (self), G_LIST_MODEL (self->people),
                                   pv_phone_number_get_telephone_number (number));
  g_signal_connect_object (chooser, "person-chosen", G_CALLBACK (person_chosen_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

/* --- Emergency addresses. --- */

static void
address_updated_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Job) job = user_data;
  g_autoptr(PvPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  number = pv_service_client_update_number_finish (PV_SERVICE_CLIENT (object), result, &error);
  set_busy (job->self, NULL);
  if (number == NULL)
    {
      if (!is_cancelled (error))
        show_failure (job->self, _("The Emergency Address Was Not Changed"), error);
      return;
    }
  replace_number (job->self, job->telephone_number, number);
  /* Translators: %s is a phone number. */
  text = g_strdup_printf (_("The emergency address of %s was changed"),
                                           job->telephone_number);
  toast (job->self, text);
}

static char *
address_label (PvEmergencyAddress *address)
{
  const char *parts[] = {
    pv_emergency_address_get_house_number (address),
    pv_emergency_address_get_street_name (address),
  };
  g_autofree char *street = NULL;
  const char *description = pv_emergency_address_get_description (address);
  const char *city = pv_emergency_address_get_city (address);
  const char *country = country_name (pv_emergency_address_get_country_code (address));

  street = g_strjoin (" ", parts[0] != NULL ? parts[0] : "", parts[1] != NULL ? parts[1] : "", NULL);
  g_strstrip (street);
  /* Translators: an emergency address in a list: its description, then
   * the street, the city and the country. */
  return g_strdup_printf (_("%s — %s, %s, %s"), description != NULL ? description : "",
                          street, city != NULL ? city : "", country != NULL ? country : "");
}

static void
address_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  Job *job = user_data;
  PvNumbersView *self = job->self;
  GtkDropDown *dropdown = g_object_get_data (G_OBJECT (dialog), "pv-dropdown");
  guint position;
  g_autoptr(PvEmergencyAddress) address = NULL;
  g_autofree char *what = NULL;

  if (g_strcmp0 (response, "new") == 0)
    {
      job_free (job);
      gtk_widget_activate_action (GTK_WIDGET (self), "numbers.new-address", NULL);
      return;
    }
  if (g_strcmp0 (response, "save") != 0 || dropdown == NULL)
    {
      job_free (job);
      return;
    }
  position = gtk_drop_down_get_selected (dropdown);
  address = position != GTK_INVALID_LIST_POSITION ? g_list_model_get_item (G_LIST_MODEL (self->addresses), position) : NULL;
  if (address == NULL)
    {
      job_free (job);
      return;
    }
  /* Translators: %s is a phone number. */
  what = g_strdup_printf (_("Changing the emergency address of %s…"), job->telephone_number);
  set_busy (self, what);
  pv_service_client_update_number_async (self->client, job->telephone_number,
                                         pv_emergency_address_get_id (address),
                                         self->cancellable, address_updated_cb, job);
}

static GtkWidget *
address_dropdown (PvNumbersView *self,
                  PvPhoneNumber *number)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *dropdown;
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->addresses)); i++)
    {
      g_autoptr(PvEmergencyAddress) address = g_list_model_get_item (G_LIST_MODEL (self->addresses), i);
      g_autofree char *label = address_label (address);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (pv_emergency_address_get_id (address),
                     pv_phone_number_get_emergency_location_id (number)) == 0)
        selected = i;
    }
  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&labels)), NULL);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), selected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Emergency address"), -1);
  pv_a11y_name_drop_down (GTK_DROP_DOWN (dropdown), _("Emergency address"));
  return dropdown;
}

static void
emergency_address_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  PvPhoneNumber *number = gtk_single_selection_get_selected_item (self->selection);
  PvOperator *operator_;
  PvEmergencyAddress *current;
  g_autofree char *current_label = NULL;
  g_autofree char *body = NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog;
  PvEmergencyModel model = PV_EMERGENCY_MODEL_ADMIN_ASSIGNS;

  if (number == NULL)
    return;

  operator_ = operator_of (self, number);
  if (operator_ != NULL)
    model = pv_operator_get_emergency_model (operator_);
  current = address_of (self, number);
  current_label = current != NULL ? address_label (current) : g_strdup (_("none"));
  /* Translators: %s is a phone number. */
  heading = g_strdup_printf (_("Emergency Address of %s"), pv_phone_number_get_telephone_number (number));

  if (model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS_LOCKED)
    {
      body = g_strdup_printf (/* Translators: the first %s is an address, the second and third an
                               * operator, the fourth a web address. */
                              _("Current address: %s.\n\n%s assigns the emergency addresses of its "
                                "numbers and locks them: only the operator can change this one. "
                                "To change it, contact %s: its website is listed in the Operator "
                                "Connect directory, %s."),
                              current_label, pv_operator_get_name (operator_), pv_operator_get_name (operator_),
                              OPERATOR_DIRECTORY_URL);
      dialog = adw_message_dialog_new (parent_window (self), heading, body);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (model == PV_EMERGENCY_MODEL_OPERATOR_ASSIGNS && operator_ != NULL)
    body = g_strdup_printf (/* Translators: the first %s is an operator, the second an address. */
                            _("%s assigned this number its emergency address, and lets you change "
                              "it. Current address: %s."),
                            pv_operator_get_name (operator_), current_label);
  else
    body = g_strdup_printf (/* Translators: %s is an address. */
                            _("You choose the emergency address of this number. Current address: %s."),
                            current_label);

  dialog = adw_message_dialog_new (parent_window (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "new", _("_New Emergency Address…"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  if (g_list_model_get_n_items (G_LIST_MODEL (self->addresses)) > 0)
    {
      GtkWidget *dropdown = address_dropdown (self, number);

      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
      g_object_set_data (G_OBJECT (dialog), "pv-dropdown", dropdown);
    }
  else
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (address_response_cb), job_new (self, number));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
address_created_cb (PvNumbersView      *self,
                    PvEmergencyAddress *address)
{
  g_autofree char *text = NULL;

  g_list_store_append (self->addresses, address);
  index_store (G_LIST_MODEL (self->addresses), self->addresses_by_id,
               (const char *(*) (gpointer)) pv_emergency_address_get_id);
  /* Translators: %s is the description of an emergency address. */
  text = g_strdup_printf (_("The emergency address “%s” was created"),
                          pv_emergency_address_get_description (address));
  toast (self, text);
}

static void
new_address_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (widget);
  GtkWidget *dialog = pv_address_dialog_new (parent_window (self), self->client);

  g_signal_connect_object (dialog, "address-created", G_CALLBACK (address_created_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- The widget. --- */

static void
pending_changed_cb (PvNumbersView *self)
{
  g_autofree char *number = NULL;

  if (self->reselect == NULL || gtk_filter_list_model_get_pending (self->filtered) > 0)
    return;
  number = g_steal_pointer (&self->reselect);
  pv_numbers_view_select (self, number);
}

/* A row that had the focus may leave the list (filtered out, released):
 * GTK then leaves the window without a focus, and the keyboard with
 * nowhere to start from. Put it back in the list, or on the search. */
static void
keep_focus (PvNumbersView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)) || gtk_root_get_focus (root) != NULL)
    return;
  if (!gtk_widget_grab_focus (GTK_WIDGET (self->column_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
shown_changed_cb (PvNumbersView *self)
{
  update_count (self);
  keep_focus (self);
}

static void
selection_changed_cb (PvNumbersView *self)
{
  update_actions (self);
}

static void
pv_numbers_view_dispose (GObject *object)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_NUMBERS_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (pv_numbers_view_parent_class)->dispose (object);
}

static void
pv_numbers_view_finalize (GObject *object)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  g_hash_table_unref (self->operator_keys);
  g_hash_table_unref (self->country_keys);
  g_hash_table_unref (self->operators_seen);
  g_hash_table_unref (self->countries_seen);
  g_hash_table_unref (self->bound_cells);
  g_hash_table_unref (self->people_by_id);
  g_hash_table_unref (self->operators_by_id);
  g_hash_table_unref (self->addresses_by_id);
  g_clear_object (&self->numbers);
  g_clear_object (&self->operators);
  g_clear_object (&self->people);
  g_clear_object (&self->addresses);
  g_ptr_array_unref (self->operator_choices);
  g_ptr_array_unref (self->country_choices);
  g_free (self->query);
  g_free (self->reselect);
  g_free (self->operator_filter);
  g_free (self->country_filter);

  G_OBJECT_CLASS (pv_numbers_view_parent_class)->finalize (object);
}

static void
pv_numbers_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->n_loads > 0);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_numbers_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PvNumbersView *self = PV_NUMBERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      pv_numbers_view_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (PV_NUMBERS_VIEW (widget)->search_entry));
}

static void
pv_numbers_view_class_init (PvNumbersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_numbers_view_dispose;
  object_class->finalize = pv_numbers_view_finalize;
  object_class->get_property = pv_numbers_view_get_property;
  object_class->set_property = pv_numbers_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, PV_TYPE_SERVICE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-numbers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, operator_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, country_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, filters_box);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvNumbersView, selection_label);

  gtk_widget_class_install_action (widget_class, "numbers.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "numbers.unassign", NULL, unassign_action);
  gtk_widget_class_install_action (widget_class, "numbers.release", NULL, release_action);
  gtk_widget_class_install_action (widget_class, "numbers.emergency-address", NULL, emergency_address_action);
  gtk_widget_class_install_action (widget_class, "numbers.new-address", NULL, new_address_action);
  gtk_widget_class_install_action (widget_class, "numbers.search", NULL, search_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_numbers_view_init (PvNumbersView *self)
{
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->numbers = g_list_store_new (PV_TYPE_PHONE_NUMBER);
  self->operators = g_list_store_new (PV_TYPE_OPERATOR);
  self->people = g_list_store_new (PV_TYPE_USER);
  self->addresses = g_list_store_new (PV_TYPE_EMERGENCY_ADDRESS);
  self->people_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->operators_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->addresses_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->operator_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->country_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->operators_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->countries_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->bound_cells = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->operator_choices = g_ptr_array_new_with_free_func (g_free);
  self->country_choices = g_ptr_array_new_with_free_func (g_free);
  self->type_filter = -1;

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->numbers)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  gtk_filter_list_model_set_incremental (self->filtered, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  /* Columns as wide as their text; the view scrolls sideways when the
   * window is too narrow for all of them, rather than cutting words. */
  add_column (self, COLUMN_NUMBER, _("Number"), 0, FALSE);
  add_column (self, COLUMN_TYPE, _("Type"), 0, FALSE);
  add_column (self, COLUMN_OPERATOR, _("Operator"), 0, FALSE);
  add_column (self, COLUMN_COUNTRY, _("Country"), 0, FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), 0, FALSE);
  add_column (self, COLUMN_PERSON, _("Assigned To"), 0, TRUE);
  add_column (self, COLUMN_ADDRESS, _("Emergency Address"), 0, TRUE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->type_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->operator_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->country_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (dropdowns_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (shown_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->numbers, "items-changed", G_CALLBACK (numbers_changed_cb), self, 0);
  g_signal_connect_object (self->people, "items-changed", G_CALLBACK (people_changed_cb), self, 0);
  g_signal_connect_object (self->filtered, "notify::pending", G_CALLBACK (pending_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The filters are named by what they choose (their tooltips say the
   * same), and the buttons by their labels without the mnemonic marker. */
  pv_a11y_name_drop_down (self->type_dropdown, _("Number type"));
  pv_a11y_name_drop_down (self->operator_dropdown, _("Operator"));
  pv_a11y_name_drop_down (self->country_dropdown, _("Country"));
  pv_a11y_name_drop_down (self->status_dropdown, _("Status"));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));
  /* The column view's header is a row of its own, named after its type
   * in GTK 4.8: say what it is. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (child)) == GTK_ACCESSIBLE_ROLE_ROW)
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column headers"), -1);

  /* Ctrl+F searches wherever the focus is in the window, even when the
   * view holds none (a binding would need it inside the view). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>f"),
                                                          gtk_named_action_new ("numbers.search")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  /* The flow boxes only lay the controls out: the wrappers they put
   * around them would otherwise be Tab stops of their own, unnamed. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->filters_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);

  rebuild_choices (self);
  update_count (self);
  update_actions (self);
}

GtkWidget *
pv_numbers_view_new (void)
{
  return g_object_new (PV_TYPE_NUMBERS_VIEW, NULL);
}

/**
 * pv_numbers_view_set_client:
 *
 * Loads the tenant's numbers (and the operators, people and emergency
 * addresses they refer to) from @client's service.
 */
void
pv_numbers_view_set_client (PvNumbersView   *self,
                            PvServiceClient *client)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));
  g_return_if_fail (client == NULL || PV_IS_SERVICE_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  reload (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

gboolean
pv_numbers_view_get_loading (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  return self->n_loads > 0;
}

gboolean
pv_numbers_view_get_busy (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  return self->busy;
}

GListModel *
pv_numbers_view_get_numbers (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->numbers);
}

/**
 * pv_numbers_view_get_shown:
 *
 * Returns: (transfer none): the numbers the search and filters show
 *   (filtering may still be under way: see gtk_filter_list_model_get_pending())
 */
GListModel *
pv_numbers_view_get_shown (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

GListModel *
pv_numbers_view_get_people (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->people);
}

GListModel *
pv_numbers_view_get_addresses (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->addresses);
}

/**
 * pv_numbers_view_set_filter:
 * @operator_id: (nullable): show this operator's numbers only
 * @country_code: (nullable): show this country's numbers only
 *
 * Shows the numbers of an operator in a country, whatever their type
 * and status: the ones that stop the operator or the country being
 * removed. The search is cleared.
 */
void
pv_numbers_view_set_filter (PvNumbersView *self,
                            const char    *operator_id,
                            const char    *country_code)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));

  g_free (self->operator_filter);
  self->operator_filter = g_strdup (operator_id);
  g_free (self->country_filter);
  self->country_filter = g_strdup (country_code);
  self->type_filter = -1;
  self->show = PV_NUMBERS_SHOW_ANY;

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  self->updating = FALSE;
  g_clear_pointer (&self->query, g_free);

  rebuild_choices (self);
  refilter (self, GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * pv_numbers_view_set_search:
 *
 * Types @text in the search entry; the list follows when the entry
 * emits its (delayed) search-changed, or at once here.
 */
void
pv_numbers_view_set_search (PvNumbersView *self,
                            const char    *text)
{
  g_return_if_fail (PV_IS_NUMBERS_VIEW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

/**
 * pv_numbers_view_select:
 *
 * Selects @telephone_number if the search and filters show it.
 *
 * Returns: whether it is shown and selected
 */
gboolean
pv_numbers_view_select (PvNumbersView *self,
                        const char    *telephone_number)
{
  GListModel *shown;

  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), FALSE);

  shown = G_LIST_MODEL (self->filtered);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvPhoneNumber) number = g_list_model_get_item (shown, i);

      if (g_strcmp0 (pv_phone_number_get_telephone_number (number), telephone_number) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * pv_numbers_view_get_selected:
 *
 * Returns: (transfer none) (nullable): the selected number
 */
PvPhoneNumber *
pv_numbers_view_get_selected (PvNumbersView *self)
{
  g_return_val_if_fail (PV_IS_NUMBERS_VIEW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}
