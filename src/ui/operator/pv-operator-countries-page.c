/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-country.h"
#include "pv-a11y.h"
#include "pv-operator-countries-page.h"
#include "pv-search-query.h"

/* Countries: only those the chosen operator serves (the plan's available
 * countries, named in the user's language), searched by name or code,
 * with a check box each. The plan holds the selection; the page mirrors
 * it, so that a country the next operator does not serve drops out. */

struct _PvOperatorCountriesPage
{
  PvPage              parent_instance;

  PvOperatorFlow     *flow;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GHashTable         *bound_checks;  /* GtkCheckButton * → PvCountry *, the visible rows */
  PvSearchQuery       query;
  gboolean            updating;

  GtkLabel           *heading_label;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
  GtkButton          *select_all_button;
  GtkButton          *clear_button;
  GtkLabel           *count_label;
};

G_DEFINE_FINAL_TYPE (PvOperatorCountriesPage, pv_operator_countries_page, PV_TYPE_PAGE)

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PvOperatorCountriesPage *self = user_data;
  PvCountry *country = item;

  if (self->query.folded == NULL)
    return TRUE;

  if (g_ascii_strcasecmp (pv_country_get_code (country), self->query.folded) == 0)
    return TRUE;

  return pv_search_query_matches (&self->query, pv_country_get_name (country));
}

static PvOperatorPlan *
get_plan (PvOperatorCountriesPage *self)
{
  return pv_operator_flow_get_plan (self->flow);
}

static void
update_heading (PvOperatorCountriesPage *self)
{
  PvOperator *operator_ = pv_operator_plan_get_operator (get_plan (self));
  g_autofree char *text = NULL;

  if (operator_ != NULL)
    /* Translators: %s is an operator name. */
    text = g_strdup_printf (_("Select the countries where you want %s as your operator. Only the "
                              "countries it serves are listed."),
                            pv_operator_get_name (operator_));
  gtk_label_set_text (self->heading_label, text != NULL ? text : "");
}

/* The visible check boxes follow the plan. */
static void
refresh_checks (PvOperatorCountriesPage *self)
{
  GHashTableIter iter;
  gpointer check, country;

  self->updating = TRUE;
  g_hash_table_iter_init (&iter, self->bound_checks);
  while (g_hash_table_iter_next (&iter, &check, &country))
    gtk_check_button_set_active (check, pv_operator_plan_has_country (get_plan (self),
                                                                      pv_country_get_code (country)));
  self->updating = FALSE;
}

static void
update_status (PvOperatorCountriesPage *self)
{
  PvOperatorPlan *plan = get_plan (self);
  guint n_selected = g_list_model_get_n_items (pv_operator_plan_get_countries (plan));
  g_autofree char *reason = NULL;
  g_autofree char *count = NULL;
  gboolean complete;

  complete = pv_operator_plan_get_step_status (plan, PV_OPERATOR_STEP_COUNTRIES, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), reason);
  pv_page_set_complete (PV_PAGE (self), complete);

  /* Translators: %u counts the countries selected. */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u country selected", "%u countries selected",
                                        n_selected),
                           n_selected);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), n_selected > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->select_all_button),
                            g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0);
}

static void
plan_changed_cb (PvOperatorCountriesPage *self)
{
  if (!self->updating)
    refresh_checks (self);
  update_heading (self);
  update_status (self);
}

static void
check_toggled_cb (GtkCheckButton          *check,
                  PvOperatorCountriesPage *self)
{
  PvCountry *country = g_hash_table_lookup (self->bound_checks, check);
  g_autoptr(GError) error = NULL;

  if (self->updating || country == NULL)
    return;

  self->updating = TRUE;
  if (gtk_check_button_get_active (check))
    {
      /* Only served countries are listed, so the plan agrees; if the
       * catalogue changed underneath, the box follows the plan. */
      if (!pv_operator_plan_select_country (get_plan (self), pv_country_get_code (country), &error))
        gtk_check_button_set_active (check, FALSE);
    }
  else
    {
      pv_operator_plan_unselect_country (get_plan (self), pv_country_get_code (country));
    }
  self->updating = FALSE;

  pv_page_set_modified (PV_PAGE (self), TRUE);
  update_status (self);
}

static void
select_all_clicked_cb (PvOperatorCountriesPage *self)
{
  GListModel *shown = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (shown, i);

      pv_operator_plan_select_country (get_plan (self), pv_country_get_code (country), NULL);
    }
  pv_page_set_modified (PV_PAGE (self), TRUE);
}

static void
clear_clicked_cb (PvOperatorCountriesPage *self)
{
  GListModel *selected = pv_operator_plan_get_countries (get_plan (self));

  while (g_list_model_get_n_items (selected) > 0)
    {
      g_autoptr(PvCountry) country = g_list_model_get_item (selected, 0);

      pv_operator_plan_unselect_country (get_plan (self), pv_country_get_code (country));
    }
}

static void
search_changed_cb (PvOperatorCountriesPage *self)
{
  pv_search_query_set_text (&self->query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_status (self);
}

static void
search_activate_cb (PvOperatorCountriesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

/* --- Rows. --- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PvOperatorCountriesPage  *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *code = gtk_label_new (NULL);

  gtk_widget_set_hexpand (check, TRUE);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), code);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, box);
  /* The check box takes the focus and the keys, not the row around it. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PvOperatorCountriesPage  *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *check = gtk_widget_get_first_child (box);
  GtkWidget *code = gtk_widget_get_next_sibling (check);
  PvCountry *country = gtk_list_item_get_item (list_item);

  /* The name is the check box's label, and so its accessible name. */
  gtk_check_button_set_label (GTK_CHECK_BUTTON (check), pv_country_get_name (country));
  gtk_label_set_text (GTK_LABEL (code), pv_country_get_code (country));

  g_hash_table_insert (self->bound_checks, check, country);
  self->updating = TRUE;
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               pv_operator_plan_has_country (get_plan (self), pv_country_get_code (country)));
  self->updating = FALSE;
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PvOperatorCountriesPage  *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);

  g_hash_table_remove (self->bound_checks, gtk_widget_get_first_child (box));
}

static void
pv_operator_countries_page_shown (PvPage *page)
{
  PvOperatorCountriesPage *self = PV_OPERATOR_COUNTRIES_PAGE (page);

  update_heading (self);
}

static void
pv_operator_countries_page_locale_changed (PvPage *page)
{
  PvOperatorCountriesPage *self = PV_OPERATOR_COUNTRIES_PAGE (page);

  /* Names come from iso-codes at each bind: show them again. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_heading (self);
  update_status (self);
}

static void
pv_operator_countries_page_dispose (GObject *object)
{
  PvOperatorCountriesPage *self = PV_OPERATOR_COUNTRIES_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_OPERATOR_COUNTRIES_PAGE);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_operator_countries_page_parent_class)->dispose (object);
}

static void
pv_operator_countries_page_finalize (GObject *object)
{
  PvOperatorCountriesPage *self = PV_OPERATOR_COUNTRIES_PAGE (object);

  g_clear_pointer (&self->bound_checks, g_hash_table_unref);
  pv_search_query_clear (&self->query);

  G_OBJECT_CLASS (pv_operator_countries_page_parent_class)->finalize (object);
}

static void
pv_operator_countries_page_class_init (PvOperatorCountriesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_operator_countries_page_dispose;
  object_class->finalize = pv_operator_countries_page_finalize;
  PV_PAGE_CLASS (klass)->shown = pv_operator_countries_page_shown;
  PV_PAGE_CLASS (klass)->locale_changed = pv_operator_countries_page_locale_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/operator/pv-operator-countries-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, select_all_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, PvOperatorCountriesPage, count_label);
}

static void
pv_operator_countries_page_init (PvOperatorCountriesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  self->bound_checks = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->select_all_button, "clicked", G_CALLBACK (select_all_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->clear_button, "clicked", G_CALLBACK (clear_clicked_cb),
                           self, G_CONNECT_SWAPPED);
}

PvPage *
pv_operator_countries_page_new (PvOperatorFlow *flow)
{
  PvOperatorCountriesPage *self;
  g_autoptr(GtkNoSelection) selection_model = NULL;
  PvOperatorPlan *plan;

  g_return_val_if_fail (PV_IS_OPERATOR_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_OPERATOR_COUNTRIES_PAGE, NULL);
  self->flow = g_object_ref (flow);
  plan = pv_operator_flow_get_plan (flow);

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (pv_operator_plan_get_available_countries (plan)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  selection_model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection_model));

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (update_status), self,
                           G_CONNECT_SWAPPED);
  update_heading (self);
  update_status (self);

  return PV_PAGE (self);
}
