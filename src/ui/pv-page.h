/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PV_TYPE_PAGE (pv_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (PvPage, pv_page, PV, PAGE, GtkWidget)

/**
 * PvPageClass:
 * @shown: the page became the visible page of its assistant.
 * @locale_changed: the interface language changed; re-read translated text.
 * @apply_async: optional. Called when the user leaves the page with Next;
 *   the assistant stays on the page, shows a spinner and keeps its controls
 *   insensitive until the operation finishes. Cancelling @cancellable must
 *   finish the operation promptly with %G_IO_ERROR_CANCELLED.
 * @apply_finish: finishes @apply_async; %FALSE with @error keeps the user
 *   on the page and shows the error.
 *
 * Entries consume Enter, so a page whose entry should move the wizard on
 * activates the "assistant.next" action from the entry's "activate"
 * signal; the action does nothing while the page is incomplete.
 */
struct _PvPageClass
{
  GtkWidgetClass parent_class;

  void     (*shown)          (PvPage              *self);
  void     (*locale_changed) (PvPage              *self);
  void     (*apply_async)    (PvPage              *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data);
  gboolean (*apply_finish)   (PvPage              *self,
                              GAsyncResult        *result,
                              GError             **error);

  gpointer padding[8];
};

const char *pv_page_get_title          (PvPage              *self);
void        pv_page_set_title          (PvPage              *self,
                                        const char          *title);
gboolean    pv_page_get_complete       (PvPage              *self);
void        pv_page_set_complete       (PvPage              *self,
                                        gboolean             complete);
const char *pv_page_get_incomplete_reason (PvPage           *self);
void        pv_page_set_incomplete_reason (PvPage           *self,
                                           const char       *reason);
gboolean    pv_page_get_modified       (PvPage              *self);
void        pv_page_set_modified       (PvPage              *self,
                                        gboolean             modified);
const char *pv_page_get_next_label     (PvPage              *self);
void        pv_page_set_next_label     (PvPage              *self,
                                        const char          *next_label);
gboolean    pv_page_get_can_go_back    (PvPage              *self);
void        pv_page_set_can_go_back    (PvPage              *self,
                                        gboolean             can_go_back);
gboolean    pv_page_get_has_apply      (PvPage              *self);

void        pv_page_shown              (PvPage              *self);
void        pv_page_locale_changed     (PvPage              *self);
void        pv_page_apply_async        (PvPage              *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gboolean    pv_page_apply_finish       (PvPage              *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
