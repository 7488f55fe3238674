/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "pv-enable-welcome-page.h"

struct _PvEnableWelcomePage
{
  PvPage parent_instance;
};

G_DEFINE_FINAL_TYPE (PvEnableWelcomePage, pv_enable_welcome_page, PV_TYPE_PAGE)

static void
pv_enable_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PV_TYPE_ENABLE_WELCOME_PAGE);

  G_OBJECT_CLASS (pv_enable_welcome_page_parent_class)->dispose (object);
}

static void
pv_enable_welcome_page_class_init (PvEnableWelcomePageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pv_enable_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (GTK_WIDGET_CLASS (klass),
                                               RESOURCE_PATH "/enable/pv-enable-welcome-page.ui");
}

static void
pv_enable_welcome_page_init (PvEnableWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* There is nothing to fill in: reading it is enough to go on. */
  pv_page_set_complete (PV_PAGE (self), TRUE);
}

PvPage *
pv_enable_welcome_page_new (void)
{
  return g_object_new (PV_TYPE_ENABLE_WELCOME_PAGE, NULL);
}
