/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "pv-test-flow.h"

/* --- Entry page: complete once something is typed. --- */

struct _PvTestEntryPage
{
  PvPage     parent_instance;
  GtkWidget *entry;
};

G_DEFINE_FINAL_TYPE (PvTestEntryPage, pv_test_entry_page, PV_TYPE_PAGE)

static void
entry_changed_cb (PvTestEntryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  gboolean filled = text != NULL && *text != '\0';

  pv_page_set_complete (PV_PAGE (self), filled);
  pv_page_set_modified (PV_PAGE (self), filled);
}

static void
entry_activate_cb (PvTestEntryPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "assistant.next", NULL);
}

static void
pv_test_entry_page_class_init (PvTestEntryPageClass *klass)
{
}

static void
pv_test_entry_page_init (PvTestEntryPage *self)
{
  self->entry = gtk_entry_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "Name", -1);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (entry_activate_cb), self);
  gtk_widget_set_parent (self->entry, GTK_WIDGET (self));
  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (entry_changed_cb), self);

  pv_page_set_title (PV_PAGE (self), "Entry");
  pv_page_set_incomplete_reason (PV_PAGE (self), "Type a name to continue.");
}

GtkEditable *
pv_test_entry_page_get_entry (PvTestEntryPage *self)
{
  return GTK_EDITABLE (self->entry);
}

/* --- Apply page: its apply stays pending until the test finishes it. --- */

struct _PvTestApplyPage
{
  PvPage  parent_instance;
  GTask  *pending;
  gulong  cancelled_id;
  guint   n_applies;
};

G_DEFINE_FINAL_TYPE (PvTestApplyPage, pv_test_apply_page, PV_TYPE_PAGE)

static void
take_pending (PvTestApplyPage *self,
              GTask          **task)
{
  GCancellable *cancellable = g_task_get_cancellable (self->pending);

  if (self->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, self->cancelled_id);
  self->cancelled_id = 0;
  *task = g_steal_pointer (&self->pending);
}

static gboolean
return_cancelled_idle (gpointer user_data)
{
  PvTestApplyPage *self = user_data;
  g_autoptr(GTask) task = NULL;

  if (self->pending != NULL)
    {
      take_pending (self, &task);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    }

  return G_SOURCE_REMOVE;
}

static void
apply_cancelled_cb (GCancellable    *cancellable,
                    PvTestApplyPage *self)
{
  /* "cancelled" may run with the cancellable's lock held; answer later. */
  g_idle_add_full (G_PRIORITY_DEFAULT, return_cancelled_idle, g_object_ref (self), g_object_unref);
}

static void
pv_test_apply_page_apply_async (PvPage              *page,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  PvTestApplyPage *self = PV_TEST_APPLY_PAGE (page);

  g_assert_null (self->pending);

  self->n_applies++;
  self->pending = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->pending, pv_test_apply_page_apply_async);
  if (cancellable != NULL)
    self->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (apply_cancelled_cb), self, NULL);
}

static gboolean
pv_test_apply_page_apply_finish (PvPage        *page,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_assert_true (g_task_is_valid (result, page));
  g_assert_true (g_async_result_is_tagged (result, pv_test_apply_page_apply_async));

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
pv_test_apply_page_dispose (GObject *object)
{
  PvTestApplyPage *self = PV_TEST_APPLY_PAGE (object);
  g_autoptr(GTask) task = NULL;

  if (self->pending != NULL)
    {
      take_pending (self, &task);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Cancelled");
    }

  G_OBJECT_CLASS (pv_test_apply_page_parent_class)->dispose (object);
}

static void
pv_test_apply_page_class_init (PvTestApplyPageClass *klass)
{
  PvPageClass *page_class = PV_PAGE_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pv_test_apply_page_dispose;
  page_class->apply_async = pv_test_apply_page_apply_async;
  page_class->apply_finish = pv_test_apply_page_apply_finish;
}

static void
pv_test_apply_page_init (PvTestApplyPage *self)
{
  gtk_widget_set_parent (gtk_label_new ("Apply"), GTK_WIDGET (self));
  pv_page_set_title (PV_PAGE (self), "Apply");
  pv_page_set_next_label (PV_PAGE (self), "_Apply");
  pv_page_set_complete (PV_PAGE (self), TRUE);
}

gboolean
pv_test_apply_page_is_pending (PvTestApplyPage *self)
{
  return self->pending != NULL;
}

void
pv_test_apply_page_finish_pending (PvTestApplyPage *self,
                                   const GError    *error)
{
  g_autoptr(GTask) task = NULL;

  g_assert_nonnull (self->pending);
  take_pending (self, &task);

  if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);
}

guint
pv_test_apply_page_get_n_applies (PvTestApplyPage *self)
{
  return self->n_applies;
}

/* --- Plain pages: a hidden one, and the final one. --- */

struct _PvTestPlainPage
{
  PvPage parent_instance;
};

G_DEFINE_FINAL_TYPE (PvTestPlainPage, pv_test_plain_page, PV_TYPE_PAGE)

static void
pv_test_plain_page_class_init (PvTestPlainPageClass *klass)
{
}

static void
pv_test_plain_page_init (PvTestPlainPage *self)
{
  gtk_widget_set_parent (gtk_button_new_with_label ("Focusable"), GTK_WIDGET (self));
  pv_page_set_complete (PV_PAGE (self), TRUE);
}

/* --- The flow. --- */

static GObject *
create_state (void)
{
  return g_object_new (G_TYPE_OBJECT, NULL);
}

static PvPage *
create_entry_page (GObject *state)
{
  g_assert_true (G_IS_OBJECT (state));
  return g_object_new (PV_TYPE_TEST_ENTRY_PAGE, NULL);
}

static PvPage *
create_nothing (GObject *state)
{
  return NULL;
}

static PvPage *
create_hidden_page (GObject *state)
{
  return g_object_new (PV_TYPE_TEST_PLAIN_PAGE, "title", "Hidden", "visible", FALSE, NULL);
}

static PvPage *
create_apply_page (GObject *state)
{
  return g_object_new (PV_TYPE_TEST_APPLY_PAGE, NULL);
}

static PvPage *
create_final_page (GObject *state)
{
  return g_object_new (PV_TYPE_TEST_PLAIN_PAGE, "title", "Final", "can-go-back", FALSE, NULL);
}

static const PvPageFactory test_pages[] = {
  create_entry_page,
  create_nothing,
  create_hidden_page,
  create_apply_page,
  create_final_page,
  NULL
};

const PvFlowInfo pv_test_flow = {
  .id = "test",
  .title = "Test flow",
  .description = "A flow that only tests know",
  .icon_name = "applications-system-symbolic",
  .create_state = create_state,
  .pages = test_pages,
};
