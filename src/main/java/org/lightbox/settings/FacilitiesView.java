package org.lightbox.settings;

import java.util.function.Function;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.lightbox.domain.ModalityType;
import org.lightbox.request.Facilities;
import org.lightbox.request.ImagingCenter;
import org.lightbox.request.Modality;
import org.lightbox.ui.FormGrid;

/** The Facilities tab: imaging centers on the left, modalities on the right, each a list above its form. */
public final class FacilitiesView extends SettingsTabView {
    public FacilitiesView(FacilitiesViewModel model) {
        this(model, new FormGrid(), new FormGrid());
    }

    private FacilitiesView(FacilitiesViewModel model, FormGrid center, FormGrid modality) {
        super("Deactivated centers and modalities are kept for the requests that name them, but offered for no new one."
                + " Changes are sent to the central store, when there is one.",
                new HBox(24, centers(model, center), modalities(model, modality)),
                buttons("facilities", model.messageProperty()));
    }

    private static VBox centers(FacilitiesViewModel model, FormGrid form) {
        ListView<ImagingCenter> list = list("centers-list", model.centers(), c -> c.name() + (c.active() ? "" : "  ·  inactive"));
        list.setPlaceholder(new javafx.scene.control.Label("No imaging centers yet: type a name below and Save."));
        bindSelection(list, model.selectedCenterProperty());
        String p = FacilitiesViewModel.CENTER;
        form.section("IMAGING CENTER");
        form.field("Name", FormGrid.text("center-name", model.centerNameProperty(), 20, model::saveCenter),
                model.errors().errorFor(p + Facilities.NAME), p + Facilities.NAME);
        Button fresh = button("center-new", "New", model::newCenter);
        Button save = button("center-save", "Save", model::saveCenter);
        Button active = activeToggle("center-toggle-active", model.selectedCenterProperty(), ImagingCenter::active,
                model::toggleCenterActive);
        form.row(new javafx.scene.control.Label(), new HBox(8, fresh, save, active));
        return new VBox(8, list, form);
    }

    private static VBox modalities(FacilitiesViewModel model, FormGrid form) {
        ListView<Modality> list = list("modalities-list", model.modalities(), m -> m.name() + "  (" + m.type().code()
                + (m.aeTitle() == null ? "" : ", " + m.aeTitle()) + ")" + (m.active() ? "" : "  ·  inactive"));
        list.setPlaceholder(new javafx.scene.control.Label("No modalities yet: fill in the form below and Save."));
        bindSelection(list, model.selectedModalityProperty());
        String p = FacilitiesViewModel.MODALITY;
        form.section("MODALITY");
        form.field("Name", FormGrid.text("modality-name", model.modalityNameProperty(), 20, model::saveModality),
                model.errors().errorFor(p + Facilities.NAME), p + Facilities.NAME);
        ComboBox<ModalityType> type = new ComboBox<>();
        type.setId("modality-type");
        type.setPrefWidth(260);
        type.getItems().addAll(ModalityType.values());
        type.setConverter(converter(t -> t.code() + "  " + t.label()));
        type.valueProperty().bindBidirectional(model.modalityTypeProperty());
        form.field("Type", type, model.errors().errorFor(p + Facilities.TYPE), p + Facilities.TYPE);
        form.field("AE title", FormGrid.text("modality-ae-title", model.aeTitleProperty(), 16, model::saveModality),
                model.errors().errorFor(p + Facilities.AE_TITLE), p + Facilities.AE_TITLE);
        ComboBox<ImagingCenter> center = new ComboBox<>();
        center.setId("modality-center");
        center.setPrefWidth(260);
        center.setConverter(converter(c -> c == null ? "None" : c.name()));
        Runnable refill = () -> {
            ImagingCenter chosen = model.modalityCenterProperty().get();
            center.getItems().setAll(model.centers());
            center.getItems().add(0, null);
            center.setValue(chosen);
        };
        model.centers().addListener((javafx.collections.ListChangeListener<ImagingCenter>) c -> refill.run());
        refill.run();
        center.valueProperty().bindBidirectional(model.modalityCenterProperty());
        form.field("Imaging center", center, model.errors().errorFor(p + Facilities.CENTER), p + Facilities.CENTER);
        Button fresh = button("modality-new", "New", model::newModality);
        Button save = button("modality-save", "Save", model::saveModality);
        Button active = activeToggle("modality-toggle-active", model.selectedModalityProperty(), Modality::active,
                model::toggleModalityActive);
        form.row(new javafx.scene.control.Label(), new HBox(8, fresh, save, active));
        return new VBox(8, list, form);
    }

    private static <T> ListView<T> list(String id, ObservableList<T> items, Function<T, String> text) {
        ListView<T> list = new ListView<>(items);
        list.setId(id);
        list.setPrefHeight(170);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        return list;
    }

    private static <T> void bindSelection(ListView<T> list, javafx.beans.property.ObjectProperty<T> selected) {
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                selected.set(now);
            }
        });
        selected.addListener((o, old, now) -> {
            if (now == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(now);
            }
        });
    }

    private static Button button(String id, String text, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static <T> Button activeToggle(String id, javafx.beans.property.ObjectProperty<T> selected,
            java.util.function.Predicate<T> active, Runnable toggle) {
        Button button = button(id, "Deactivate", toggle);
        button.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> selected.get() != null
                && !active.test(selected.get()) ? "Reactivate" : "Deactivate", selected));
        button.disableProperty().bind(selected.isNull());
        return button;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : text.apply(item);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
