package io.cxhub.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Class loader of one plugin: the plugin's own jars first for everything, except the packages the
 * hub shares (its SPI, Camel, Jackson, SLF4J), which come from the hub whenever the hub has them so
 * that types match. A shared-package class the hub lacks (a Camel component such as
 * camel-salesforce that only one plugin needs) is taken from the plugin's jars.
 * Its parent is the platform class loader, so nothing else of the hub's class path leaks in.
 */
final class PluginClassLoader extends URLClassLoader {

  /** Package prefixes resolved by the hub: the plugin contract and the APIs it is written against. */
  static final List<String> SHARED_PACKAGES =
      List.of("io.cxhub.spi.", "org.apache.camel.", "com.fasterxml.jackson.", "org.slf4j.");

  private final ClassLoader hub;

  PluginClassLoader(String name, URL[] jars, ClassLoader hub) {
    super(name, jars, ClassLoader.getPlatformClassLoader());
    this.hub = hub;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> c = findLoadedClass(name);
      if (c == null && isShared(name)) {
        try {
          return hub.loadClass(name);
        } catch (ClassNotFoundException notInHub) {
          // bundled by the plugin itself
        }
      }
      if (c == null) {
        try {
          c = findClass(name);
        } catch (ClassNotFoundException notInPlugin) {
          c = getParent().loadClass(name);
        }
      }
      if (resolve) {
        resolveClass(c);
      }
      return c;
    }
  }

  @Override
  public URL getResource(String name) {
    if (isShared(name.replace('/', '.'))) {
      URL fromHub = hub.getResource(name);
      if (fromHub != null) {
        return fromHub;
      }
    }
    URL own = findResource(name);
    return own != null ? own : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
    if (isShared(name.replace('/', '.'))) {
      all.addAll(Collections.list(hub.getResources(name)));
    }
    return Collections.enumeration(all);
  }

  static boolean isShared(String name) {
    for (String prefix : SHARED_PACKAGES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
