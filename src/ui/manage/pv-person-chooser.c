/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "pv-a11y.h"
#include "pv-person-chooser.h"
#include "pv-voice-readiness.h"

/* Who gets a number: the directory, searched as the user types, one
 * recycling list. Each person says whether they are in Teams only mode
 * and have Phone System, so that the admin sees before choosing what
 * the checks will say. */

struct _PvPersonChooser
{
  AdwWindow           parent_instance;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *query;

  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (PvPersonChooser, pv_person_chooser, ADW_TYPE_WINDOW)

enum {
  PERSON_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
contains_folded (const char *text,
                 const char *query)
{
  g_autofree char *folded = NULL;
  g_autofree char *ascii = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  ascii = g_str_to_ascii (folded, NULL);
  return strstr (folded, query) != NULL || strstr (ascii, query) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PvPersonChooser *self = user_data;
  PvUser *person = item;

  if (self->query == NULL)
    return TRUE;
  return contains_folded (pv_user_get_display_name (person), self->query) ||
         contains_folded (pv_user_get_user_principal_name (person), self->query);
}

static void
search_changed_cb (PvPersonChooser *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_clear_pointer (&self->query, g_free);
  if (*text != '\0')
    self->query = g_utf8_casefold (text, -1);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.choose",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *facts = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (facts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (facts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (facts, "dim-label");
  gtk_widget_add_css_class (facts, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), facts);
  gtk_list_item_set_child (item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item)
{
  PvUser *person = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *facts = gtk_widget_get_next_sibling (name);
  g_autofree char *text = pv_voice_readiness_dup_facts (person);
  const char *display_name = pv_user_get_display_name (person);

  gtk_label_set_text (GTK_LABEL (name), display_name != NULL ? display_name : "");
  gtk_label_set_text (GTK_LABEL (facts), text);
}

static void
choose (PvPersonChooser *self)
{
  PvUser *person = gtk_single_selection_get_selected_item (self->selection);
  g_autoptr(PvUser) chosen = NULL;

  if (person == NULL)
    return;
  /* The window goes away; the person must outlive the selection. */
  chosen = g_object_ref (person);
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  g_signal_emit (self, signals[PERSON_CHOSEN], 0, chosen);
  g_object_unref (self);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  choose (PV_PERSON_CHOOSER (widget));
}

static void
activate_cb (PvPersonChooser *self,
             guint            position)
{
  gtk_single_selection_set_selected (self->selection, position);
  choose (self);
}

static void
selection_changed_cb (PvPersonChooser *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.choose",
                                 gtk_single_selection_get_selected_item (self->selection) != NULL);
}

static void
pv_person_chooser_dispose (GObject *object)
{
  PvPersonChooser *self = PV_PERSON_CHOOSER (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->query, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_PERSON_CHOOSER);

  G_OBJECT_CLASS (pv_person_chooser_parent_class)->dispose (object);
}

static void
pv_person_chooser_class_init (PvPersonChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_person_chooser_dispose;

  /**
   * PvPersonChooser::person-chosen:
   * @person: the #PvUser chosen
   */
  signals[PERSON_CHOSEN] =
    g_signal_new ("person-chosen",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PV_TYPE_USER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/manage/pv-person-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, PvPersonChooser, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvPersonChooser, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PvPersonChooser, list_view);

  gtk_widget_class_install_action (widget_class, "chooser.choose", NULL, choose_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pv_person_chooser_init (PvPersonChooser *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chooser.choose", FALSE);
}

/**
 * pv_person_chooser_new:
 * @people: the directory (#PvUser items, with their assigned plans)
 *
 * Returns: (transfer floating): a chooser; it emits
 *   #PvPersonChooser::person-chosen and closes when the user assigns
 */
GtkWidget *
pv_person_chooser_new (GtkWindow  *parent,
                       GListModel *people,
                       const char *telephone_number)
{
  PvPersonChooser *self = g_object_new (PV_TYPE_PERSON_CHOOSER, "transient-for", parent, NULL);
  g_autofree char *subtitle = NULL;

  self->filtered = gtk_filter_list_model_new (g_object_ref (people), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Translators: %s is a phone number. */
  subtitle = g_strdup_printf (_("Number %s"), telephone_number);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  return GTK_WIDGET (self);
}

void
pv_person_chooser_set_search (PvPersonChooser *self,
                              const char      *text)
{
  g_return_if_fail (PV_IS_PERSON_CHOOSER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  search_changed_cb (self);
}

GListModel *
pv_person_chooser_get_shown (PvPersonChooser *self)
{
  g_return_val_if_fail (PV_IS_PERSON_CHOOSER (self), NULL);

  return G_LIST_MODEL (self->filtered);
}

void
pv_person_chooser_select (PvPersonChooser *self,
                          guint            position)
{
  g_return_if_fail (PV_IS_PERSON_CHOOSER (self));

  gtk_single_selection_set_selected (self->selection, position);
}
