/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "pv-a11y.h"
#include "pv-assistant.h"

/* The assistant owns navigation through one flow: the pages come from the
 * flow's factory table and share the flow's state; the assistant listens
 * to each page's properties and never asks a page what another page holds.
 *
 * Leaving a page forward goes through the page's apply, during which the
 * page and the navigation are insensitive; Cancel then cancels the apply
 * instead of the whole wizard, so an administrator can always stop a slow
 * step without losing what was entered. */

struct _PvAssistant
{
  GtkWidget     parent_instance;

  const PvFlowInfo *flow;
  GObject      *state;
  GPtrArray    *pages;
  GCancellable *apply_cancellable;
  char         *apply_error;

  AdwHeaderBar   *header_bar;
  AdwWindowTitle *window_title;
  GtkButton      *cancel_button;
  GtkButton      *back_button;
  GtkButton      *next_button;
  GtkSpinner     *spinner;
  GtkWidget      *message_box;
  GtkLabel       *message_label;
  GtkStack       *stack;
};

G_DEFINE_FINAL_TYPE (PvAssistant, pv_assistant, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CURRENT_PAGE,
  PROP_APPLYING,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gint
current_index (PvAssistant *self)
{
  GtkWidget *visible = gtk_stack_get_visible_child (self->stack);

  for (guint i = 0; i < self->pages->len; i++)
    if (g_ptr_array_index (self->pages, i) == (gpointer) visible)
      return (gint) i;

  return -1;
}

/* Hidden pages are skipped by navigation and by the step indicator, so
 * that a page can drop out once the state makes it pointless. */
static gint
find_visible_page (PvAssistant *self,
                   gint         from,
                   gint         direction)
{
  for (gint i = from + direction; i >= 0 && i < (gint) self->pages->len; i += direction)
    if (gtk_widget_get_visible (g_ptr_array_index (self->pages, i)))
      return i;

  return -1;
}

static void
count_steps (PvAssistant *self,
             guint       *step,
             guint       *n_steps)
{
  gint current = current_index (self);

  *step = 0;
  *n_steps = 0;

  for (guint i = 0; i < self->pages->len; i++)
    {
      if (!gtk_widget_get_visible (g_ptr_array_index (self->pages, i)))
        continue;

      (*n_steps)++;
      if ((gint) i <= current)
        *step = *n_steps;
    }
}

char *
pv_assistant_dup_step_label (PvAssistant *self)
{
  guint step, n_steps;

  g_return_val_if_fail (PV_IS_ASSISTANT (self), NULL);

  count_steps (self, &step, &n_steps);

  /* Translators: the step indicator of a wizard, "Step 2 of 5". */
  return g_strdup_printf (_("Step %u of %u"), step, n_steps);
}

static void
update_message (PvAssistant *self)
{
  PvPage *page = pv_assistant_get_current_page (self);
  const char *text = NULL;
  gboolean is_error = FALSE;

  if (self->apply_error != NULL)
    {
      text = self->apply_error;
      is_error = TRUE;
    }
  else if (page != NULL && !pv_page_get_complete (page))
    {
      text = pv_page_get_incomplete_reason (page);
    }

  if (text != NULL && *text != '\0')
    {
      gtk_label_set_text (self->message_label, text);
      if (is_error)
        gtk_widget_add_css_class (self->message_box, "error");
      else
        gtk_widget_remove_css_class (self->message_box, "error");
      gtk_widget_set_visible (self->message_box, TRUE);
    }
  else
    {
      gtk_widget_set_visible (self->message_box, FALSE);
    }

  /* A screen reader announces why Next does nothing. */
  if (text != NULL && !is_error)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->next_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
update_navigation (PvAssistant *self)
{
  PvPage *page = pv_assistant_get_current_page (self);
  gint index = current_index (self);
  gboolean applying = self->apply_cancellable != NULL;
  gboolean is_last = find_visible_page (self, index, 1) < 0;
  g_autofree char *step_label = pv_assistant_dup_step_label (self);
  const char *next_label = NULL;

  if (page == NULL)
    return;

  adw_window_title_set_title (self->window_title, pv_page_get_title (page));
  adw_window_title_set_subtitle (self->window_title, step_label);

  next_label = pv_page_get_next_label (page);
  if (next_label == NULL)
    next_label = is_last ? _("_Done") : _("_Next");
  gtk_button_set_label (self->next_button, next_label);
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self->next_button));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.next",
                                 !applying && pv_page_get_complete (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back",
                                 !applying && pv_page_get_can_go_back (page) &&
                                 find_visible_page (self, index, -1) >= 0);
  /* The first page has nowhere to go back to; hiding the button there keeps
   * the header from offering a dead control. */
  gtk_widget_set_visible (GTK_WIDGET (self->back_button),
                          find_visible_page (self, index, -1) >= 0 &&
                          pv_page_get_can_go_back (page));
  /* Once the last page is reached the work is done: there is nothing left
   * to cancel, only Done. */
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), !is_last || applying);

  gtk_widget_set_sensitive (GTK_WIDGET (self->stack), !applying);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), applying);
  gtk_spinner_set_spinning (self->spinner, applying);

  update_message (self);
}

static void
page_notify_cb (PvAssistant *self,
                GParamSpec  *pspec,
                PvPage      *page)
{
  /* Changing the input clears an earlier apply error: it was about the
   * input the user has just corrected. */
  if (g_strcmp0 (pspec->name, "complete") == 0 ||
      g_strcmp0 (pspec->name, "modified") == 0)
    g_clear_pointer (&self->apply_error, g_free);

  if (page == pv_assistant_get_current_page (self) ||
      g_strcmp0 (pspec->name, "visible") == 0)
    update_navigation (self);
}

/* Keyboard users land in the page; a page with nothing to focus hands the
 * focus to the header, because with no focus inside the assistant its
 * key bindings (Escape, Alt+Left) would not see the keys. */
static void
focus_page (PvAssistant *self,
            PvPage      *page)
{
  GtkWidget *candidates[] = {
    GTK_WIDGET (self->next_button),
    GTK_WIDGET (self->back_button),
    GTK_WIDGET (self->cancel_button),
  };

  if (gtk_widget_child_focus (GTK_WIDGET (page), GTK_DIR_TAB_FORWARD))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (gtk_widget_is_sensitive (candidates[i]) && gtk_widget_get_visible (candidates[i]) &&
        gtk_widget_grab_focus (candidates[i]))
      return;
}

static void
show_page (PvAssistant *self,
           gint         index,
           gboolean     forward)
{
  PvPage *page = g_ptr_array_index (self->pages, index);

  g_clear_pointer (&self->apply_error, g_free);

  gtk_stack_set_transition_type (self->stack,
                                 forward ? GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT
                                         : GTK_STACK_TRANSITION_TYPE_SLIDE_RIGHT);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  update_navigation (self);
  pv_page_shown (page);

  /* A page that put the focus somewhere (Select users, in its search
   * entry) keeps it there; otherwise the first control gets it. */
  if (gtk_widget_get_root (GTK_WIDGET (page)) != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (page)));

      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (page)))
        focus_page (self, page);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_PAGE]);
}

static void
set_applying (PvAssistant  *self,
              GCancellable *cancellable)
{
  if (self->apply_cancellable == cancellable)
    return;

  g_set_object (&self->apply_cancellable, cancellable);
  update_navigation (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPLYING]);
}

static void
apply_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(PvAssistant) self = user_data;
  PvPage *page = PV_PAGE (object);
  g_autoptr(GError) error = NULL;
  gboolean ok;
  gint index, next;

  ok = pv_page_apply_finish (page, result, &error);

  /* The assistant may have been taken down while the page applied. */
  if (self->apply_cancellable == NULL || self->pages == NULL)
    return;

  set_applying (self, NULL);

  if (!ok)
    {
      /* Cancelling is the user's choice, not a failure to report. */
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_free (self->apply_error);
          self->apply_error = g_strdup (error->message);
          update_message (self);
        }
      return;
    }

  if (page != pv_assistant_get_current_page (self))
    return;

  index = current_index (self);
  next = find_visible_page (self, index, 1);

  if (next < 0)
    g_signal_emit (self, signals[FINISHED], 0, TRUE);
  else
    show_page (self, next, TRUE);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PvAssistant *self = PV_ASSISTANT (widget);
  PvPage *page = pv_assistant_get_current_page (self);
  g_autoptr(GCancellable) cancellable = NULL;

  if (page == NULL || self->apply_cancellable != NULL || !pv_page_get_complete (page))
    return;

  g_clear_pointer (&self->apply_error, g_free);

  cancellable = g_cancellable_new ();
  set_applying (self, cancellable);
  pv_page_apply_async (page, cancellable, apply_cb, g_object_ref (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PvAssistant *self = PV_ASSISTANT (widget);
  PvPage *page = pv_assistant_get_current_page (self);
  gint previous;

  if (page == NULL || self->apply_cancellable != NULL || !pv_page_get_can_go_back (page))
    return;

  previous = find_visible_page (self, current_index (self), -1);
  if (previous >= 0)
    show_page (self, previous, FALSE);
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  g_autoptr(GTask) task = user_data;

  g_signal_handlers_disconnect_by_func (dialog, discard_response_cb, user_data);
  g_task_return_boolean (task, g_strcmp0 (response, "discard") == 0);
}

/**
 * pv_assistant_confirm_discard_async:
 *
 * Asks the user whether to throw away what the wizard holds, when it
 * holds anything: entered data, or a step being applied. Finishes with
 * %TRUE when there is nothing to lose or the user chose to discard.
 */
void
pv_assistant_confirm_discard_async (PvAssistant         *self,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AdwMessageDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (PV_IS_ASSISTANT (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pv_assistant_confirm_discard_async);

  /* Past the last step there is only the outcome left to look at. */
  if (self->apply_cancellable == NULL &&
      (find_visible_page (self, current_index (self), 1) < 0 ||
       !pv_assistant_get_modified (self)))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Discard Your Choices?"),
                                                       _("The choices you made in this wizard will be lost. Nothing has been changed on the service.")));
  adw_message_dialog_add_responses (dialog,
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (dialog));
  g_signal_connect (dialog, "response", G_CALLBACK (discard_response_cb), g_steal_pointer (&task));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
pv_assistant_confirm_discard_finish (PvAssistant   *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, pv_assistant_confirm_discard_async), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
cancel_confirmed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  PvAssistant *self = PV_ASSISTANT (object);

  if (pv_assistant_confirm_discard_finish (self, result, NULL))
    g_signal_emit (self, signals[FINISHED], 0, FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PvAssistant *self = PV_ASSISTANT (widget);

  /* While a step applies, Cancel stops that step and keeps the wizard. */
  if (self->apply_cancellable != NULL)
    {
      g_cancellable_cancel (self->apply_cancellable);
      return;
    }

  pv_assistant_confirm_discard_async (self, NULL, cancel_confirmed_cb, NULL);
}

static void
pv_assistant_map (GtkWidget *widget)
{
  PvAssistant *self = PV_ASSISTANT (widget);
  PvPage *page = pv_assistant_get_current_page (self);

  GTK_WIDGET_CLASS (pv_assistant_parent_class)->map (widget);

  /* The first page was shown before the assistant had a window, so the
   * focus is still where the user started the wizard (or nowhere). */
  if (page != NULL)
    focus_page (self, page);
}

static void
pv_assistant_dispose (GObject *object)
{
  PvAssistant *self = PV_ASSISTANT (object);

  if (self->apply_cancellable != NULL)
    {
      g_cancellable_cancel (self->apply_cancellable);
      g_clear_object (&self->apply_cancellable);
    }

  if (self->pages != NULL)
    {
      for (guint i = 0; i < self->pages->len; i++)
        g_signal_handlers_disconnect_by_data (g_ptr_array_index (self->pages, i), self);
      g_clear_pointer (&self->pages, g_ptr_array_unref);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PV_TYPE_ASSISTANT);
  g_clear_object (&self->state);

  G_OBJECT_CLASS (pv_assistant_parent_class)->dispose (object);
}

static void
pv_assistant_finalize (GObject *object)
{
  PvAssistant *self = PV_ASSISTANT (object);

  g_clear_pointer (&self->apply_error, g_free);

  G_OBJECT_CLASS (pv_assistant_parent_class)->finalize (object);
}

static void
pv_assistant_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PvAssistant *self = PV_ASSISTANT (object);

  switch (prop_id)
    {
    case PROP_CURRENT_PAGE:
      g_value_set_object (value, pv_assistant_get_current_page (self));
      break;
    case PROP_APPLYING:
      g_value_set_boolean (value, pv_assistant_get_applying (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pv_assistant_class_init (PvAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pv_assistant_dispose;
  object_class->finalize = pv_assistant_finalize;
  object_class->get_property = pv_assistant_get_property;

  widget_class->map = pv_assistant_map;

  properties[PROP_CURRENT_PAGE] =
    g_param_spec_object ("current-page", NULL, NULL, PV_TYPE_PAGE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPLYING] =
    g_param_spec_boolean ("applying", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PvAssistant::finished:
   * @completed: %TRUE when the user went through the last page, %FALSE when
   *   the wizard was cancelled.
   */
  signals[FINISHED] =
    g_signal_new ("finished",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/pv-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, back_button);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, spinner);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, message_box);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, message_label);
  gtk_widget_class_bind_template_child (widget_class, PvAssistant, stack);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.cancel", NULL, cancel_action);

  /* Enter anywhere that does not use it itself; entries in pages forward
   * their "activate" to assistant.next (see PvPage). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "assistant.cancel", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pv-assistant");
}

static void
pv_assistant_init (PvAssistant *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pv_a11y_fix_mnemonic_labels (GTK_WIDGET (self->header_bar));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->pages = g_ptr_array_new ();
}

/**
 * pv_assistant_new_with_state:
 * @flow: the flow to walk through; must outlive the assistant (flows are
 *   static tables)
 * @state: (transfer full) (nullable): the state its pages share
 *
 * Creates the flow's pages on @state, and shows the first page.
 */
GtkWidget *
pv_assistant_new_with_state (const PvFlowInfo *flow,
                             GObject          *state)
{
  PvAssistant *self;
  gint first;

  g_return_val_if_fail (flow != NULL, NULL);
  g_return_val_if_fail (flow->pages != NULL, NULL);

  self = g_object_new (PV_TYPE_ASSISTANT, NULL);
  self->flow = flow;
  self->state = state;

  for (guint i = 0; flow->pages[i] != NULL; i++)
    {
      PvPage *page = flow->pages[i] (self->state);

      if (page == NULL)
        continue;

      g_ptr_array_add (self->pages, page);
      /* The buttons of every page's template, named as they read. */
      pv_a11y_fix_mnemonic_labels (GTK_WIDGET (page));
      gtk_stack_add_child (self->stack, GTK_WIDGET (page));
      g_signal_connect_object (page, "notify", G_CALLBACK (page_notify_cb), self,
                               G_CONNECT_SWAPPED);
    }

  first = find_visible_page (self, -1, 1);
  g_return_val_if_fail (first >= 0, GTK_WIDGET (self));
  show_page (self, first, TRUE);

  return GTK_WIDGET (self);
}

/**
 * pv_assistant_new:
 * @flow: the flow to walk through; must outlive the assistant (flows are
 *   static tables).
 *
 * Creates the flow's state and its pages, and shows the first page.
 */
GtkWidget *
pv_assistant_new (const PvFlowInfo *flow)
{
  g_return_val_if_fail (flow != NULL, NULL);

  return pv_assistant_new_with_state (flow, flow->create_state != NULL ? flow->create_state () : NULL);
}

const PvFlowInfo *
pv_assistant_get_flow (PvAssistant *self)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), NULL);

  return self->flow;
}

/**
 * pv_assistant_get_state:
 *
 * Returns: (transfer none) (nullable): the state shared by the flow's pages.
 */
GObject *
pv_assistant_get_state (PvAssistant *self)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), NULL);

  return self->state;
}

PvPage *
pv_assistant_get_current_page (PvAssistant *self)
{
  gint index;

  g_return_val_if_fail (PV_IS_ASSISTANT (self), NULL);

  if (self->pages == NULL)
    return NULL;

  index = current_index (self);
  return index >= 0 ? g_ptr_array_index (self->pages, index) : NULL;
}

guint
pv_assistant_get_n_pages (PvAssistant *self)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

PvPage *
pv_assistant_get_page (PvAssistant *self,
                       guint        index)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), NULL);
  g_return_val_if_fail (self->pages != NULL && index < self->pages->len, NULL);

  return g_ptr_array_index (self->pages, index);
}

gboolean
pv_assistant_get_applying (PvAssistant *self)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), FALSE);

  return self->apply_cancellable != NULL;
}

/**
 * pv_assistant_get_modified:
 *
 * Returns: whether any page holds input that cancelling would discard.
 */
gboolean
pv_assistant_get_modified (PvAssistant *self)
{
  g_return_val_if_fail (PV_IS_ASSISTANT (self), FALSE);

  for (guint i = 0; self->pages != NULL && i < self->pages->len; i++)
    if (pv_page_get_modified (g_ptr_array_index (self->pages, i)))
      return TRUE;

  return FALSE;
}

void
pv_assistant_locale_changed (PvAssistant *self)
{
  g_return_if_fail (PV_IS_ASSISTANT (self));

  for (guint i = 0; i < self->pages->len; i++)
    pv_page_locale_changed (g_ptr_array_index (self->pages, i));

  update_navigation (self);
}
