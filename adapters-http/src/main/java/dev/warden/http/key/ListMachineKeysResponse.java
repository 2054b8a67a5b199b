package dev.warden.http.key;

import dev.warden.application.port.in.MachineKeyListResult;
import dev.warden.http.json.ListDetailsResponse;

import java.util.List;

/** Answer of {@code POST /management/v1/users/{userId}/keys/_search}; an empty page has no {@code result} key. */
public record ListMachineKeysResponse(ListDetailsResponse details, List<MachineKeyResponse> result) {

    public static ListMachineKeysResponse from(MachineKeyListResult list) {
        return new ListMachineKeysResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                list.page().items().stream().map(MachineKeyResponse::from).toList());
    }
}
