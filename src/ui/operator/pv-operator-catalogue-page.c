/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-country.h"
#include "pv-iso-codes.h"
#include "pv-column-view.h"
#include "pv-operator-catalogue-page.h"
#include "pv-operator-labels.h"
#include "pv-search-query.h"

/* All operators: the catalogue, filtered by region and by service and
 * searched by name or country (in the user's language or by code). An
 * operator the tenant already has is marked, and choosing it is refused
 * with the reason, so that the wizard cannot send a request the service
 * would turn down. */

typedef enum
{
  COLUMN_OPERATOR,
  COLUMN_REGIONS,
  COLUMN_SERVICES,
  COLUMN_COUNTRIES,
} Column;

static const PvOperatorServices service_filters[] = {
  0,
  PV_OPERATOR_SERVICE_CALLING,
  PV_OPERATOR_SERVICE_AUDIO_CONFERENCING,
  PV_OPERATOR_SERVICE_TEAMS_PHONE_MOBILE,
};

struct _PvOperatorCataloguePage
{
  PvPage               parent_instance;

  PvOperatorFlow      *flow;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSingleSelection  *selection;
  GPtrArray           *regions;       /* raw region names; index 0 is "all" (NULL) */
  PvSearchQuery        query;
  GHashTable          *bound_rows;    /* operator cell box → PvOperator *, the visible rows */
  gboolean             syncing;
  gboolean             rebuilding;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *service_dropdown;
  GtkRevealer         *refusal_revealer;
  GtkLabel            *refusal_label;
  GtkColumnView       *column_view;
  GtkLabel            *chosen_label;
  GtkLabel            *count_label;
  GtkButton           *retry_button;
  GtkSpinner          *loading_spinner;
};

G_DEFINE_FINAL_TYPE (PvOperatorCataloguePage, pv_operator_catalogue_page, PV_TYPE_PAGE)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PvOperatorCataloguePage *self = user_data;
  PvOperator *operator_ = item;
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint service = gtk_drop_down_get_selected (self->service_dropdown);
  const char * const *codes;

  if (region != GTK_INVALID_LIST_POSITION && region > 0 && region < self->regions->len)
    {
      const char * const *regions = pv_operator_get_regions (operator_);

      if (regions == NULL || !g_strv_contains (regions, g_ptr_array_index (self->regions, region)))
        return FALSE;
    }

  if (service != GTK_INVALID_LIST_POSITION && service > 0 && service < G_N_ELEMENTS (service_filters) &&
      !(pv_operator_get_services (operator_) & service_filters[service]))
    return FALSE;

  if (self->query.folded == NULL)
    return TRUE;

  if (pv_search_query_matches (&self->query, pv_operator_get_name (operator_)))
    return TRUE;

  /* A country by its name in the user's language, or by its code. */
  codes = pv_operator_get_countries (operator_);
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    if (pv_search_query_matches (&self->query, pv_iso_codes_get_country_name (codes[i])) ||
        g_ascii_strcasecmp (codes[i], self->query.folded) == 0)
      return TRUE;

  return FALSE;
}

/* The list shows the plan's operator as selected, whatever the filters
 * hid and showed meanwhile. */
static void
sync_selection (PvOperatorCataloguePage *self)
{
  PvOperator *chosen = pv_operator_plan_get_operator (pv_operator_flow_get_plan (self->flow));
  guint position = GTK_INVALID_LIST_POSITION;
  GListModel *shown = G_LIST_MODEL (self->filtered);

  for (guint i = 0; chosen != NULL && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (shown, i);

      if (operator_ == chosen)
        {
          position = i;
          break;
        }
    }

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
}

static void
update_status (PvOperatorCataloguePage *self)
{
  PvOperatorPlan *plan = pv_operator_flow_get_plan (self->flow);
  PvOperator *chosen = pv_operator_plan_get_operator (plan);
  const char *load_error = pv_operator_flow_get_load_error (self->flow);
  gboolean loading = pv_operator_flow_get_loading (self->flow);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint n_all = g_list_model_get_n_items (G_LIST_MODEL (pv_operator_flow_get_catalogue (self->flow)));
  g_autofree char *reason = NULL;
  g_autofree char *count = NULL;
  g_autofree char *chosen_text = NULL;
  gboolean complete;

  complete = pv_operator_plan_get_step_status (plan, PV_OPERATOR_STEP_CHOOSE_OPERATOR, &reason);
  /* A catalogue that could not be loaded says so first. */
  pv_page_set_incomplete_reason (PV_PAGE (self), load_error != NULL ? load_error : reason);
  pv_page_set_complete (PV_PAGE (self), complete);

  /* Translators: %u counts the operators the filters let through, of all
   * the operators in the catalogue. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u operator shown",
                                        "%u of %u operators shown", n_all),
                           n_shown, n_all);
  gtk_label_set_text (self->count_label, count);

  if (chosen != NULL)
    /* Translators: %s is the operator chosen in the list. */
    chosen_text = g_strdup_printf (_("Chosen: %s"), pv_operator_get_name (chosen));
  gtk_label_set_text (self->chosen_label, chosen_text != NULL ? chosen_text : "");

  gtk_widget_set_visible (GTK_WIDGET (self->loading_spinner), loading);
  gtk_spinner_set_spinning (self->loading_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button),
                          load_error != NULL && !loading && pv_operator_flow_get_client (self->flow) != NULL);
}

static void
show_refusal (PvOperatorCataloguePage *self,
              const char              *text)
{
  if (text != NULL)
    gtk_label_set_text (self->refusal_label, text);
  gtk_revealer_set_reveal_child (self->refusal_revealer, text != NULL);
}

static void
selected_changed_cb (PvOperatorCataloguePage *self)
{
  PvOperator *operator_ = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *reason = NULL;

  /* Nothing under the cursor (a filter hid it): the choice stands. The
   * plan's own operator coming back is the list being put right after a
   * refusal (its notification may arrive late), not a new choice. */
  if (self->syncing || operator_ == NULL ||
      operator_ == pv_operator_plan_get_operator (pv_operator_flow_get_plan (self->flow)))
    return;

  reason = pv_operator_flow_dup_unavailable_reason (self->flow, operator_);
  if (reason != NULL)
    {
      show_refusal (self, reason);
      sync_selection (self);
      return;
    }

  show_refusal (self, NULL);
  pv_operator_plan_set_operator (pv_operator_flow_get_plan (self->flow), operator_);
  pv_page_set_modified (PV_PAGE (self), TRUE);
}

/* Enter on a row the list has chosen moves on. */
static void
activate_cb (PvOperatorCataloguePage *self,
             guint                    position)
{
  g_autoptr(PvOperator) operator_ = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (operator_ == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  if (pv_operator_plan_get_operator (pv_operator_flow_get_plan (self->flow)) == operator_)
    gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
filter_changed (PvOperatorCataloguePage *self,
                GtkFilterChange          change)
{
  gtk_filter_changed (GTK_FILTER (self->filter), change);
  sync_selection (self);
  update_status (self);
}

static void
search_changed_cb (PvOperatorCataloguePage *self)
{
  pv_search_query_set_text (&self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  filter_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_activate_cb (PvOperatorCataloguePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
dropdown_changed_cb (PvOperatorCataloguePage *self)
{
  if (self->rebuilding)
    return;
  filter_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static int
compare_labels (gconstpointer a,
                gconstpointer b)
{
  return g_utf8_collate (pv_operator_region_label (*(const char * const *) a),
                         pv_operator_region_label (*(const char * const *) b));
}

/* The region filter offers the regions the catalogue holds, in the
 * user's language, keeping the one chosen. */
static void
rebuild_regions (PvOperatorCataloguePage *self)
{
  GListModel *catalogue = G_LIST_MODEL (pv_operator_flow_get_catalogue (self->flow));
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);
  g_autofree char *previous = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected < self->regions->len)
    previous = g_strdup (g_ptr_array_index (self->regions, selected));

  for (guint i = 0; i < g_list_model_get_n_items (catalogue); i++)
    {
      g_autoptr(PvOperator) operator_ = g_list_model_get_item (catalogue, i);
      const char * const *regions = pv_operator_get_regions (operator_);

      for (guint j = 0; regions != NULL && regions[j] != NULL; j++)
        if (g_hash_table_add (seen, (gpointer) regions[j]))
          g_ptr_array_add (found, g_strdup (regions[j]));
    }
  g_ptr_array_sort (found, compare_labels);

  g_ptr_array_set_size (self->regions, 0);
  g_ptr_array_add (self->regions, NULL);
  gtk_string_list_append (labels, C_("regions filter", "All regions"));
  for (guint i = 0; i < found->len; i++)
    {
      const char *region = g_ptr_array_index (found, i);

      if (g_strcmp0 (region, previous) == 0)
        keep = i + 1;
      g_ptr_array_add (self->regions, g_strdup (region));
      gtk_string_list_append (labels, pv_operator_region_label (region));
    }

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->region_dropdown, keep);
  self->rebuilding = FALSE;
}

static void
catalogue_changed_cb (PvOperatorCataloguePage *self)
{
  rebuild_regions (self);
  filter_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void mark_row (PvOperatorCataloguePage *self,
                      GtkWidget               *box,
                      PvOperator              *operator_);

static void
tenant_changed_cb (PvOperatorCataloguePage *self)
{
  GHashTableIter iter;
  gpointer box, operator_;

  /* The marks of the visible rows depend on the tenant. */
  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &box, &operator_))
    mark_row (self, box, operator_);
  sync_selection (self);
  update_status (self);
}

static void
retry_clicked_cb (PvOperatorCataloguePage *self)
{
  if (pv_operator_flow_get_client (self->flow) != NULL)
    pv_operator_flow_load (self->flow);
}

/* --- Columns. --- */

static void
setup_operator_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);

  /* Cells wrap rather than cut words off: in a narrow window a row grows
   * taller, and nothing the user needs to decide on is hidden. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (status, "caption");
  gtk_widget_add_css_class (status, "accent");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), status);
  gtk_list_item_set_child (list_item, box);
}

static void
mark_row (PvOperatorCataloguePage *self,
          GtkWidget               *box,
          PvOperator              *operator_)
{
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *status = gtk_widget_get_next_sibling (name);
  g_autofree char *reason = pv_operator_flow_dup_unavailable_reason (self->flow, operator_);
  PvOperatorStatus tenant_status = PV_OPERATOR_STATUS_ACTIVE;
  gboolean added;

  added = pv_operator_flow_get_tenant_status (self->flow, pv_operator_get_id (operator_), &tenant_status);
  gtk_label_set_text (GTK_LABEL (name), pv_operator_get_name (operator_));
  gtk_widget_set_visible (status, added);
  if (added)
    gtk_label_set_text (GTK_LABEL (status),
                        tenant_status == PV_OPERATOR_STATUS_SUSPENDED
                          ? _("Already your operator (suspended)")
                          : _("Already your operator"));
  gtk_widget_set_tooltip_text (box, reason);
}

static void
bind_operator_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  PvOperatorCataloguePage  *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  PvOperator *operator_ = gtk_list_item_get_item (list_item);

  g_hash_table_insert (self->bound_rows, box, operator_);
  mark_row (self, box, operator_);
}

static void
unbind_operator_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    PvOperatorCataloguePage  *self)
{
  g_hash_table_remove (self->bound_rows, gtk_list_item_get_child (list_item));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));
  PvOperator *operator_ = gtk_list_item_get_item (list_item);
  g_autofree char *text = NULL;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_REGIONS:
      text = pv_operator_dup_regions_label (operator_);
      break;
    case COLUMN_SERVICES:
      text = pv_operator_dup_services_label (operator_);
      break;
    case COLUMN_COUNTRIES:
      text = pv_operator_dup_countries_label (operator_);
      break;
    case COLUMN_OPERATOR:
    default:
      break;
    }

  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static int
compare_operators (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  g_autofree char *key_a = g_utf8_casefold (pv_operator_get_name ((PvOperator *) a), -1);
  g_autofree char *key_b = g_utf8_casefold (pv_operator_get_name ((PvOperator *) b), -1);

  /* "e& (Etisalat)" among the E, not after every capital. */
  return g_utf8_collate (key_a, key_b);
}

static void
pv_operator_catalogue_page_locale_changed (PvPage *page)
{
  PvOperatorCataloguePage *self = PV_OPERATOR_CATALOGUE_PAGE (page);

  rebuild_regions (self);
  filter_changed (self, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
pv_operator_catalogue_page_dispose (GObject *object)
{
  PvOperatorCataloguePage *self = PV_OPERATOR_CATALOGUE_PAGE (object);

  /* The wizard is going away: the catalogue need not finish loading. */
  if (self->flow != NULL)
    pv_operator_flow_cancel (self->flow);
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_CATALOGUE_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_operator_catalogue_page_parent_class)->dispose (object);
}

static void
pv_operator_catalogue_page_finalize (GObject *object)
{
  PvOperatorCataloguePage *self = PV_OPERATOR_CATALOGUE_PAGE (object);

  g_clear_pointer (&self->regions, g_ptr_array_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  pv_search_query_clear (&self->query);

  G_OBJECT_CLASS (pv_operator_catalogue_page_parent_class)->finalize (object);
}

static void
pv_operator_catalogue_page_class_init (PvOperatorCataloguePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_catalogue_page_dispose;
  object_class->finalize = pv_operator_catalogue_page_finalize;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_catalogue_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-catalogue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, service_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, refusal_revealer);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, refusal_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, retry_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCataloguePage, loading_spinner);
}

static void
pv_operator_catalogue_page_init (PvOperatorCataloguePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));
  pv_a11y_name_drop_down (self->region_dropdown, gtk_widget_get_tooltip_text (GTK_WIDGET (self->region_dropdown)));
  pv_a11y_name_drop_down (self->service_dropdown, gtk_widget_get_tooltip_text (GTK_WIDGET (self->service_dropdown)));

  self->bound_rows = g_hash_table_new (NULL, NULL);
  self->regions = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->regions, NULL);

  pv_column_view_add (self->column_view, _("Operator"), G_CALLBACK (setup_operator_cb),
                      G_CALLBACK (bind_operator_cb), G_CALLBACK (unbind_operator_cb), self, TRUE);
  pv_column_view_add (self->column_view, _("Regions"), G_CALLBACK (setup_label_cb),
                      G_CALLBACK (bind_label_cb), NULL, GINT_TO_POINTER (COLUMN_REGIONS), TRUE);
  pv_column_view_add (self->column_view, _("Services"), G_CALLBACK (setup_label_cb),
                      G_CALLBACK (bind_label_cb), NULL, GINT_TO_POINTER (COLUMN_SERVICES), TRUE);
  pv_column_view_add (self->column_view, _("Countries"), G_CALLBACK (setup_label_cb),
                      G_CALLBACK (bind_label_cb), NULL, GINT_TO_POINTER (COLUMN_COUNTRIES), TRUE);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->service_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->retry_button, "clicked", G_CALLBACK (retry_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activate_cb),
                           self, G_CONNECT_SWAPPED);
}

PvPage *
pv_operator_catalogue_page_new (PvOperatorFlow *flow)
{
  PvOperatorCataloguePage *self;
  GtkSortListModel *sorted;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_CATALOGUE_PAGE, NULL);
  self->flow = g_object_ref (flow);

  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (pv_operator_flow_get_catalogue (flow))),
                                    GTK_SORTER (gtk_custom_sorter_new (compare_operators, NULL, NULL)));
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (sorted), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  rebuild_regions (self);

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selected_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->region_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pv_operator_flow_get_catalogue (flow), "items-changed",
                           G_CALLBACK (catalogue_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "tenant-changed", G_CALLBACK (tenant_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::loading", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (flow, "notify::load-error", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (pv_operator_flow_get_plan (flow), "changed", G_CALLBACK (update_status),
                           self, G_CONNECT_SWAPPED);
  update_status (self);

  return PV_PAGE (self);
}
