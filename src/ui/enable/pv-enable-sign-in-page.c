/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pv-enable-flow.h"
#include "pv-enable-sign-in-page.h"
#include "pv-sip-domain.h"
#include "pv-sip.h"

/* Specify Sign-in Name: the four documented formats, the SIP domain for
 * the two that need one, and a live preview of every address with its
 * problem, so that nobody discovers a duplicate after the run. The plan
 * computes; the page shows. */

struct _PvEnableSignInPage
{
  PvPage          parent_instance;

  PvEnableFlow   *flow;
  GtkCheckButton *format_checks[4];
  GtkStringList  *domains;
  gboolean        updating;

  AdwPreferencesGroup *format_group;
  AdwComboRow         *domain_row;
  AdwPreferencesGroup *skip_group;
  GtkSwitch           *skip_switch;
  GtkLabel            *count_label;
  GtkSpinner          *resolving_spinner;
  GtkListView         *preview_list;
};

G_DEFINE_FINAL_TYPE (PvEnableSignInPage, pv_enable_sign_in_page, PV_TYPE_PAGE)

static const PvSipFormat formats[] = {
  PV_SIP_FORMAT_EMAIL,
  PV_SIP_FORMAT_UPN,
  PV_SIP_FORMAT_FIRST_LAST,
  PV_SIP_FORMAT_SAM,
};

static void
update_from_plan (PvEnableSignInPage *self)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (self->flow);
  GListModel *entries = pv_enable_plan_get_entries (plan);
  guint n = g_list_model_get_n_items (entries);
  guint n_problems = pv_enable_plan_get_n_problems (plan);
  g_autofree char *reason = NULL;
  g_autofree char *count = NULL;
  gboolean complete;

  complete = pv_enable_plan_get_step_status (plan, PV_ENABLE_STEP_SIGN_IN_NAME, &reason);
  pv_page_set_incomplete_reason (PV_PAGE (self), complete ? NULL : reason);
  pv_page_set_complete (PV_PAGE (self), complete);

  /* Offered only when there is someone to skip, but kept while it is on,
   * so that it can be turned off again. */
  gtk_widget_set_visible (GTK_WIDGET (self->skip_group),
                          n_problems > 0 || pv_enable_plan_get_skip_problems (plan));

  gtk_widget_set_sensitive (GTK_WIDGET (self->domain_row),
                            pv_sip_format_needs_domain (pv_enable_plan_get_format (plan)));

  /* While a pass runs, the problems counted are those of the last one. */
  gtk_widget_set_visible (GTK_WIDGET (self->resolving_spinner), pv_enable_plan_get_resolving (plan));
  gtk_spinner_set_spinning (self->resolving_spinner, pv_enable_plan_get_resolving (plan));
  if (pv_enable_plan_get_resolving (plan))
    /* Translators: shown while the SIP addresses of %u people are being
     * generated and checked. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Working out %u address…",
                                          "Working out %u addresses…",
                                          g_list_model_get_n_items (pv_enable_plan_get_selection (plan))),
                             g_list_model_get_n_items (pv_enable_plan_get_selection (plan)));
  else if (n_problems == 0)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  else
    /* Translators: the first %u counts the addresses with a problem (the
     * plural follows it), the second all the addresses. */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u of %u addresses has a problem",
                                          "%u of %u addresses have a problem",
                                          n_problems),
                             n_problems, n);
  gtk_label_set_text (self->count_label, count);
}

static void
format_toggled_cb (GtkCheckButton     *check,
                   PvEnableSignInPage *self)
{
  if (self->updating || !gtk_check_button_get_active (check))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (self->format_checks[i] == check)
      pv_enable_plan_set_format (pv_enable_flow_get_plan (self->flow), formats[i]);

  pv_page_set_modified (PV_PAGE (self), TRUE);
}

static void
domain_selected_cb (PvEnableSignInPage *self)
{
  guint position = adw_combo_row_get_selected (self->domain_row);

  if (self->updating || position == GTK_INVALID_LIST_POSITION)
    return;

  pv_enable_plan_set_domain (pv_enable_flow_get_plan (self->flow),
                             gtk_string_list_get_string (self->domains, position));
  pv_page_set_modified (PV_PAGE (self), TRUE);
}

/* The combo lists the deployment's SIP domains, by name, and follows the
 * plan's choice (which starts at the default domain). */
static void
sync_domains (PvEnableSignInPage *self)
{
  PvEnablePlan *plan = pv_enable_flow_get_plan (self->flow);
  GListModel *domains = pv_enable_plan_get_sip_domains (plan);
  const char *current = pv_enable_plan_get_domain (plan);
  guint n = domains != NULL ? g_list_model_get_n_items (domains) : 0;
  guint selected = GTK_INVALID_LIST_POSITION;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PvSipDomain) domain = g_list_model_get_item (domains, i);

      g_ptr_array_add (names, g_strdup (pv_sip_domain_get_name (domain)));
      if (g_strcmp0 (pv_sip_domain_get_name (domain), current) == 0)
        selected = i;
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->domains, 0, g_list_model_get_n_items (G_LIST_MODEL (self->domains)),
                          (const char *const *) names->pdata);
  adw_combo_row_set_selected (self->domain_row, selected);
  self->updating = FALSE;
}

static void
sync_format (PvEnableSignInPage *self)
{
  PvSipFormat format = pv_enable_plan_get_format (pv_enable_flow_get_plan (self->flow));

  self->updating = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i] == format)
      gtk_check_button_set_active (self->format_checks[i], TRUE);
  self->updating = FALSE;
}

/* The page follows the plan, whoever changed it. */
static void
plan_changed_cb (PvEnableSignInPage *self)
{
  sync_format (self);
  sync_domains (self);
  update_from_plan (self);
}

/* --- Preview rows. --- */

/* --- Fixing one person's address by hand. --- */

static PvEnableEntry *
row_entry (GtkWidget *widget)
{
  GtkWidget *box = gtk_widget_get_ancestor (widget, GTK_TYPE_BOX);

  /* The row's outer box carries its entry while it is bound. */
  while (box != NULL && g_object_get_data (G_OBJECT (box), "pv-entry") == NULL)
    box = gtk_widget_get_ancestor (gtk_widget_get_parent (box), GTK_TYPE_BOX);

  return box != NULL ? g_object_get_data (G_OBJECT (box), "pv-entry") : NULL;
}

static void
use_suggestion_clicked_cb (GtkButton          *button,
                           PvEnableSignInPage *self)
{
  PvEnableEntry *entry = row_entry (GTK_WIDGET (button));

  if (entry == NULL || pv_enable_entry_get_suggestion (entry) == NULL)
    return;

  pv_enable_plan_set_override (pv_enable_flow_get_plan (self->flow),
                               pv_user_get_id (pv_enable_entry_get_user (entry)),
                               pv_enable_entry_get_suggestion (entry));
  pv_page_set_modified (PV_PAGE (self), TRUE);
}

static void
address_entry_activate_cb (GtkEntry           *text_entry,
                           PvEnableSignInPage *self)
{
  PvEnableEntry *entry = row_entry (gtk_widget_get_ancestor (GTK_WIDGET (text_entry), GTK_TYPE_MENU_BUTTON));
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (text_entry), GTK_TYPE_POPOVER);

  if (entry == NULL)
    return;

  /* The plan checks the address like any other, and the row shows the
   * verdict; an empty text goes back to the generated address. */
  pv_enable_plan_set_override (pv_enable_flow_get_plan (self->flow),
                               pv_user_get_id (pv_enable_entry_get_user (entry)),
                               gtk_editable_get_text (GTK_EDITABLE (text_entry)));
  pv_page_set_modified (PV_PAGE (self), TRUE);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The popover of a row's edit button is made when it is first opened:
 * rows are made by the hundred when the preview fills, and a popover with
 * its entry is most of a row's cost. */
static void
create_edit_popover_cb (GtkMenuButton *edit,
                        gpointer       user_data)
{
  PvEnableSignInPage *self = user_data;
  PvEnableEntry *entry = row_entry (GTK_WIDGET (edit));
  GtkWidget *popover;
  GtkWidget *popover_box;
  GtkWidget *heading;
  GtkWidget *text_entry;

  /* Asked at every opening: made once, then kept. */
  if (gtk_menu_button_get_popover (edit) != NULL)
    return;

  popover = gtk_popover_new ();
  popover_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  heading = gtk_label_new (_("SIP address for this person"));
  text_entry = gtk_entry_new ();
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_entry_set_placeholder_text (GTK_ENTRY (text_entry), "sip:name@domain");
  gtk_editable_set_width_chars (GTK_EDITABLE (text_entry), 32);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (text_entry),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL,
                                  -1);
  if (entry != NULL && pv_enable_entry_get_address (entry) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (text_entry), pv_enable_entry_get_address (entry));
  g_signal_connect_object (text_entry, "activate", G_CALLBACK (address_entry_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (popover_box), heading);
  gtk_box_append (GTK_BOX (popover_box), text_entry);
  gtk_popover_set_child (GTK_POPOVER (popover), popover_box);
  gtk_menu_button_set_popover (edit, popover);
}

static GtkWidget *
create_edit_button (PvEnableSignInPage *self)
{
  GtkWidget *edit = gtk_menu_button_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (edit), "document-edit-symbolic");
  gtk_widget_set_tooltip_text (edit, _("Edit Address"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit Address"), -1);
  gtk_widget_add_css_class (edit, "flat");
  gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (edit), create_edit_popover_cb, self, NULL);

  return edit;
}

static GtkWidget *
create_suggestion_button (PvEnableSignInPage *self)
{
  GtkWidget *suggestion = gtk_button_new ();

  gtk_widget_add_css_class (suggestion, "flat");
  gtk_widget_set_halign (suggestion, GTK_ALIGN_START);
  g_signal_connect_object (suggestion, "clicked", G_CALLBACK (use_suggestion_clicked_cb), self, 0);

  return suggestion;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  PvEnableSignInPage *self = user_data;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *address = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "pv-preview-row");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (address), 1);
  gtk_label_set_ellipsize (GTK_LABEL (address), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (GTK_LABEL (address), FALSE);
  gtk_widget_add_css_class (address, "monospace");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_widget_add_css_class (message, "caption");

  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), address);
  gtk_box_append (GTK_BOX (top), create_edit_button (self));
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), message);
  gtk_box_append (GTK_BOX (box), create_suggestion_button (self));
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
refresh_row (GtkListItem *list_item)
{
  PvEnableEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (top);
  GtkWidget *address = gtk_widget_get_next_sibling (name);
  GtkWidget *message = gtk_widget_get_next_sibling (top);
  GtkWidget *suggestion = gtk_widget_get_next_sibling (message);
  GtkWidget *edit = gtk_widget_get_next_sibling (address);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (edit));
  PvSipStatus status = pv_enable_entry_get_status (entry);
  const char *text = pv_enable_entry_get_message (entry);
  const char *suggested = pv_enable_entry_get_suggestion (entry);

  gtk_label_set_text (GTK_LABEL (name), pv_user_get_display_name (pv_enable_entry_get_user (entry)));
  gtk_label_set_text (GTK_LABEL (address),
                      pv_enable_entry_get_address (entry) != NULL ? pv_enable_entry_get_address (entry) : "—");
  gtk_label_set_text (GTK_LABEL (message), text != NULL ? text : "");
  gtk_widget_set_visible (message, text != NULL && *text != '\0');

  g_object_set_data (G_OBJECT (box), "pv-entry", entry);
  gtk_widget_set_visible (suggestion, suggested != NULL && status != PV_SIP_STATUS_OK);
  if (suggested != NULL)
    {
      /* Translators: a button that gives a person the free address that
       * was suggested; %s is that address. */
      g_autofree char *label = g_strdup_printf (_("Use %s"), suggested);
      gtk_button_set_label (GTK_BUTTON (suggestion), label);
    }
  /* A popover made for an earlier person of this row. */
  if (popover != NULL)
    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_last_child (gtk_popover_get_child (popover))),
                           pv_enable_entry_get_address (entry) != NULL ? pv_enable_entry_get_address (entry) : "");

  if (status == PV_SIP_STATUS_OK)
    {
      gtk_widget_remove_css_class (message, "error");
      gtk_widget_remove_css_class (message, "warning");
    }
  else if (status == PV_SIP_STATUS_DUPLICATE)
    {
      gtk_widget_remove_css_class (message, "error");
      gtk_widget_add_css_class (message, "warning");
    }
  else
    {
      gtk_widget_remove_css_class (message, "warning");
      gtk_widget_add_css_class (message, "error");
    }
}

/* Entries change in place as the plan recomputes; a bound row follows
 * its entry until it is recycled. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  PvEnableEntry *entry = gtk_list_item_get_item (list_item);
  gulong id;

  refresh_row (list_item);
  id = g_signal_connect_swapped (entry, "notify", G_CALLBACK (refresh_row), list_item);
  g_object_set_data (G_OBJECT (list_item), "pv-notify-id", GSIZE_TO_POINTER (id));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "pv-notify-id"));

  if (id != 0)
    g_signal_handler_disconnect (gtk_list_item_get_item (list_item), id);
  g_object_set_data (G_OBJECT (list_item), "pv-notify-id", NULL);
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "pv-entry", NULL);
}

static void
pv_enable_sign_in_page_dispose (GObject *object)
{
  PvEnableSignInPage *self = PV_ENABLE_SIGN_IN_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_SIGN_IN_PAGE);
  g_clear_object (&self->domains);
  g_clear_object (&self->flow);

  G_OBJECT_CLASS (pv_enable_sign_in_page_parent_class)->dispose (object);
}

static void
pv_enable_sign_in_page_shown (PvPage *page)
{
  PvEnableSignInPage *self = PV_ENABLE_SIGN_IN_PAGE (page);

  /* The addresses this page shows are worked out now, once for all the
   * changes made on the pages before. */
  pv_enable_plan_set_deferred (pv_enable_flow_get_plan (self->flow), FALSE);
}

static void
pv_enable_sign_in_page_class_init (PvEnableSignInPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_enable_sign_in_page_dispose;
  PV_PAGE_CLASS (klass)->shown = pv_enable_sign_in_page_shown;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/enable/pv-enable-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, format_group);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, domain_row);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, skip_group);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, resolving_spinner);
  gtk_widget_class_bind_template_child (widget_class, PvEnableSignInPage, preview_list);
}

static void
pv_enable_sign_in_page_init (PvEnableSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The formats, worded as the original wizard words them. */
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      /* Plain text: names and labels may hold "<" or "&". */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pv_sip_format_get_label (formats[i]));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL,
                                      -1);
      if (i > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), self->format_checks[0]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_preferences_group_add (self->format_group, row);
      self->format_checks[i] = GTK_CHECK_BUTTON (check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (format_toggled_cb), self, 0);
    }

  self->domains = gtk_string_list_new (NULL);
  adw_combo_row_set_model (self->domain_row, G_LIST_MODEL (self->domains));
  g_signal_connect_object (self->domain_row, "notify::selected", G_CALLBACK (domain_selected_cb),
                           self, G_CONNECT_SWAPPED);
}

PvPage *
pv_enable_sign_in_page_new (PvEnableFlow *flow)
{
  PvEnableSignInPage *self;
  PvEnablePlan *plan;
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_val_if_fail (PV_IS_ENABLE_FLOW (flow), NULL);

  self = g_object_new (PV_TYPE_ENABLE_SIGN_IN_PAGE, NULL);
  self->flow = g_object_ref (flow);
  plan = pv_enable_flow_get_plan (flow);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (pv_enable_plan_get_entries (plan)));
  gtk_list_view_set_factory (self->preview_list, factory);
  gtk_list_view_set_model (self->preview_list, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (plan, "changed", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::format", G_CALLBACK (plan_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (plan, "notify::resolving", G_CALLBACK (update_from_plan), self, G_CONNECT_SWAPPED);
  g_object_bind_property (plan, "skip-problems", self->skip_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  plan_changed_cb (self);

  return PV_PAGE (self);
}
