/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pv-start-page.h"
#include "pv-view.h"

struct _PvStartPage
{
  GtkWidget            parent_instance;

  const PvFlowInfo *const *flows;

  GtkImage   *app_icon;
  GtkStack   *content_stack;
  GtkListBox *flows_list;
  GtkWidget  *views_group;
  GtkListBox *views_list;
};

G_DEFINE_FINAL_TYPE (PvStartPage, pv_start_page, GTK_TYPE_WIDGET)

enum {
  FLOW_ACTIVATED,
  VIEW_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
flows_list_row_activated_cb (PvStartPage   *self,
                             GtkListBoxRow *row)
{
  const PvFlowInfo *flow = g_object_get_data (G_OBJECT (row), "pv-flow");

  if (flow != NULL)
    g_signal_emit (self, signals[FLOW_ACTIVATED], 0, flow);
}

static void
views_list_row_activated_cb (PvStartPage   *self,
                             GtkListBoxRow *row)
{
  const PvViewInfo *view = g_object_get_data (G_OBJECT (row), "pv-view");

  if (view != NULL)
    g_signal_emit (self, signals[VIEW_ACTIVATED], 0, view);
}

static GtkWidget *
create_row (const char *title,
            const char *description,
            const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* Plain text: names and labels may hold "<" or "&". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(description));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "pv-flow-row");

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);

  return row;
}

static GtkWidget *
create_flow_row (const PvFlowInfo *flow)
{
  GtkWidget *row = create_row (flow->title, flow->description, flow->icon_name);

  g_object_set_data (G_OBJECT (row), "pv-flow", (gpointer) flow);

  return row;
}

/**
 * pv_start_page_set_flows:
 * @flows: a NULL-terminated table of flows, which must outlive the page
 *
 * Offers @flows as the choices of the start page. With no flow, the page
 * explains what Provisio is for instead of offering anything.
 */
void
pv_start_page_set_flows (PvStartPage         *self,
                         const PvFlowInfo *const *flows)
{
  GtkWidget *child;
  guint n = 0;

  g_return_if_fail (PV_IS_START_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->flows_list))))
    gtk_list_box_remove (self->flows_list, child);

  self->flows = flows;

  for (; flows != NULL && flows[n] != NULL; n++)
    gtk_list_box_append (self->flows_list, create_flow_row (flows[n]));

  gtk_stack_set_visible_child_name (self->content_stack, n > 0 ? "flows" : "intro");
}

static void
add_views (PvStartPage *self)
{
  const PvViewInfo *const *views = pv_views_get_registered ();

  for (guint i = 0; views[i] != NULL; i++)
    {
      GtkWidget *row = create_row (views[i]->title, views[i]->description, views[i]->icon_name);

      g_object_set_data (G_OBJECT (row), "pv-view", (gpointer) views[i]);
      gtk_list_box_append (self->views_list, row);
    }
}

guint
pv_start_page_get_n_flows (PvStartPage *self)
{
  guint n = 0;

  g_return_val_if_fail (PV_IS_START_PAGE (self), 0);

  while (self->flows != NULL && self->flows[n] != NULL)
    n++;

  return n;
}

static void
pv_start_page_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_START_PAGE);

  /* dispose_template() unparents only the children it bound. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (pv_start_page_parent_class)->dispose (object);
}

static void
pv_start_page_class_init (PvStartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_start_page_dispose;

  /**
   * PvStartPage::flow-activated:
   * @flow: (type gpointer): the #PvFlowInfo the user chose
   */
  signals[FLOW_ACTIVATED] =
    g_signal_new ("flow-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  /**
   * PvStartPage::view-activated:
   * @view: (type gpointer): the #PvViewInfo the user chose
   */
  signals[VIEW_ACTIVATED] =
    g_signal_new ("view-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-start-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, app_icon);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, flows_list);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, views_group);
  gtk_widget_class_bind_template_child (widget_class, PvStartPage, views_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pv_start_page_init (PvStartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_image_set_from_icon_name (self->app_icon, APP_ID);
  g_signal_connect_object (self->flows_list, "row-activated",
                           G_CALLBACK (flows_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->views_list, "row-activated",
                           G_CALLBACK (views_list_row_activated_cb), self,
                           G_CONNECT_SWAPPED);

  add_views (self);
  pv_start_page_set_flows (self, pv_flows_get_registered ());
}
